// 语言服务器的启动与请求。服务器(dist/server.js)在第一份工作要点文档打开时才启动:
// 扩展为自动识别纯文本文档而激活时,不必为此启动一个进程。
// Starts the language server (dist/server.js, IPC) the first time a yaodian document is open, and
// sends it the `yaodian.server.*` commands.

import * as vscode from 'vscode';
import { localizeDocLink } from './ruleDocs';
import {
  ExecuteCommandRequest,
  LanguageClient,
  ResponseError,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { CURSOR_COMMAND, type InitializationOptions, type ServerCommandId } from '../../server/src/protocol';

export const LANGUAGE_ID = 'yaodian';

/** JSON-RPC "method not found": the server does not know the command. */
const METHOD_NOT_FOUND = -32601;

export function isYaodian(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return doc !== undefined && doc.languageId === LANGUAGE_ID && !doc.isClosed;
}

/** A server command the running server does not offer (an older or newer server). */
export class UnsupportedCommandError extends Error {
  constructor(readonly command: string) {
    super(command);
  }
}

export class YaodianServer implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;

  constructor(private readonly context: vscode.ExtensionContext) {}

  /** Starts the server once; later calls return the same client. */
  start(): Promise<LanguageClient> {
    if (!this.starting) {
      this.starting = this.create().catch((err: unknown) => {
        this.starting = undefined;
        throw err;
      });
    }
    return this.starting;
  }

  /** The client when it has been started (for conversions), else undefined. */
  get started(): LanguageClient | undefined {
    return this.client;
  }

  /**
   * Runs `yaodian.server.<name>` on a document. The server answers for the version it has, which
   * is the editor's: document changes are sent before the request.
   */
  async command<T>(command: ServerCommandId, doc: vscode.TextDocument, token?: vscode.CancellationToken): Promise<T> {
    const client = await this.start();
    try {
      return (await client.sendRequest(
        ExecuteCommandRequest.type,
        { command, arguments: [client.code2ProtocolConverter.asUri(doc.uri)] },
        token,
      )) as T;
    } catch (err) {
      if (err instanceof ResponseError && err.code === METHOD_NOT_FOUND) throw new UnsupportedCommandError(command);
      throw err;
    }
  }

  async dispose(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.starting = undefined;
    if (client) await client.stop();
  }

  private async create(): Promise<LanguageClient> {
    const module = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { language: LANGUAGE_ID, scheme: 'file' },
        { language: LANGUAGE_ID, scheme: 'untitled' },
        // The text of a Word document (检查 Word 文档, client/src/docx.ts).
        { language: LANGUAGE_ID, scheme: 'yaodian-docx' },
      ],
      synchronize: { configurationSection: 'yaodian' },
      outputChannelName: '工作要点助手',
      // Fixes that leave the cursor somewhere (inside an inserted `(责任单位:)`) come with this command.
      initializationOptions: { cursorCommand: CURSOR_COMMAND } satisfies InitializationOptions,
      // Rule links open the docs shipped in the extension, not GitHub (see ruleDocs.ts).
      middleware: {
        handleDiagnostics: (uri, diagnostics, next) => {
          for (const d of diagnostics) {
            if (typeof d.code === 'object' && d.code.target) d.code = { value: d.code.value, target: localizeDocLink(this.context, d.code.target) };
          }
          next(uri, diagnostics);
        },
      },
    };
    // The id `yaodian` makes the client read the `yaodian.trace.server` setting.
    const client = new LanguageClient('yaodian', '工作要点助手', serverOptions, clientOptions);
    await client.start();
    this.client = client;
    return client;
  }
}
