// A real LSP client for tests, talking JSON-RPC with vscode-languageserver-protocol as an editor
// would: to `node dist/server.js --stdio` in a child process (TestClient.stdio), or to the server
// class on in-memory streams in this process (inProcessClient in lspServer.ts: fast, and covered).
import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  ExitNotification,
  ConfigurationRequest,
  RegistrationRequest,
  type Registration,
  type TextDocumentContentChangeEvent,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver-protocol/node';
import type { YaodianLanguageServer } from '../../server/src/lsp/server';
import { ROOT } from './fixtures';

export class TestClient {
  readonly connection: ProtocolConnection;
  /** The server's process (stdio), or undefined when the server runs in this process. */
  readonly process: ChildProcess | undefined;
  /** The server object (in process only). */
  readonly server: YaodianLanguageServer | undefined;
  private readonly endServer: () => void;
  private readonly waiters: { uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  readonly published = new Map<string, PublishDiagnosticsParams>();
  readonly logs: string[] = [];
  /** Capabilities the server registered with the client (client/registerCapability), in order. */
  readonly registrations: Registration[] = [];
  /** What `workspace/configuration` answers for the `yaodian` section. */
  settings: unknown = {};
  private versions = new Map<string, number>();
  private readonly publishListeners: ((p: PublishDiagnosticsParams) => void)[] = [];

  /** Spawns `node <serverPath> --stdio`, as editors run the server. */
  static stdio(serverPath = path.join(ROOT, 'dist', 'server.js')): TestClient {
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new TestClient(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!), { process: child, end: () => child.kill() });
    child.stderr?.on('data', (d) => client.logs.push(String(d)));
    return client;
  }

  /** A client on the given streams; `server` says how to end the server. */
  constructor(reader: MessageReader, writer: MessageWriter, server: { process?: ChildProcess; server?: YaodianLanguageServer; end: () => void }) {
    this.process = server.process;
    this.server = server.server;
    this.endServer = server.end;
    this.connection = createProtocolConnection(reader, writer);
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.set(p.uri, p);
      for (const listener of this.publishListeners) listener(p);
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        const w = this.waiters[i];
        if (w.uri === p.uri && (w.version === undefined || p.version === w.version)) {
          this.waiters.splice(i, 1);
          w.resolve(p);
        }
      }
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
    });
    this.connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => this.settings));
    this.connection.onRequest(RegistrationRequest.type, (p) => {
      this.registrations.push(...p.registrations);
    });
    this.connection.listen();
  }

  /** Initializes the server as VS Code does (capabilities can be overridden per text-document feature). */
  async start(textDocument: Record<string, unknown> = {}): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: this.process ? process.pid : null,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
          codeAction: { resolveSupport: { properties: ['edit'] }, dataSupport: true },
          ...textDocument,
        },
      },
      workspaceFolders: null,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** Calls `listener` with every publishDiagnostics notification from now on. */
  onPublish(listener: (p: PublishDiagnosticsParams) => void): void {
    this.publishListeners.push(listener);
  }

  /** Resolves with the next diagnostics published for `uri` (for `version` when given). */
  diagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push({ uri, version, resolve }));
  }

  async open(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    const wait = this.diagnostics(uri, 1);
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaodian', version: 1, text } });
    return wait;
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<PublishDiagnosticsParams> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const wait = this.diagnostics(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return wait;
  }

  /**
   * Sends one didChange per entry of `edits`, all in one write to the server's stdin (stdio only),
   * as a client replaying its changes does: the server receives the burst at once, however busy
   * this process is. Resolves with the diagnostics of the last version.
   */
  burst(uri: string, edits: TextDocumentContentChangeEvent[][]): Promise<PublishDiagnosticsParams> {
    if (!this.process?.stdin) throw new Error('burst() needs a server over stdio');
    let version = this.versions.get(uri) ?? 1;
    const frames = edits.map((contentChanges) => {
      version++;
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', method: DidChangeTextDocumentNotification.method, params: { textDocument: { uri, version }, contentChanges } }), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    });
    this.versions.set(uri, version);
    const wait = this.diagnostics(uri, version);
    this.process.stdin.write(Buffer.concat(frames));
    return wait;
  }

  /** Shuts the server down (a busy or dead server is not waited for beyond a few seconds). */
  async stop(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        (async () => {
          await this.connection.sendRequest(ShutdownRequest.type);
          await this.connection.sendNotification(ExitNotification.type);
        })(),
        new Promise((resolve) => (timer = setTimeout(resolve, 5000))),
      ]);
    } catch {
      // already gone
    }
    clearTimeout(timer);
    this.connection.dispose();
    this.endServer();
  }
}
