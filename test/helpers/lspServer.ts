// The language server class on in-memory streams, in this process, with a TestClient talking to it.
import { PassThrough } from 'stream';
import { createConnection, ProposedFeatures } from 'vscode-languageserver';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { YaodianLanguageServer } from '../../server/src/lsp/server';
import { TestClient } from './lspClient';

export function inProcessClient(): TestClient {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  // Exit only ends the connection: this process is the test run.
  const watchDog = { shutdownReceived: false, initialize: () => undefined, exit: () => undefined };
  const connection = createConnection(
    (logger) => createProtocolConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient), logger),
    watchDog,
    ProposedFeatures.all,
  );
  const server = new YaodianLanguageServer(connection);
  server.listen();
  return new TestClient(new StreamMessageReader(toClient), new StreamMessageWriter(toServer), {
    server,
    end: () => {
      connection.dispose();
      toServer.end();
      toClient.end();
    },
  });
}
