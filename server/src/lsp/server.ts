// The yaodian language server: plain LSP over any connection (stdio, IPC or a socket from
// server.ts; in-memory streams in tests), a thin layer over the same engine as the CLI. Checks
// are scheduled by DocumentChecks; every request is answered from the check of the version it
// was made against.

import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type TextDocumentIdentifier,
} from 'vscode-languageserver';
import { COMPARISON_REQUEST, type ComparisonParams, type ComparisonResult, type InitializationOptions } from '../protocol';
import { buildReview } from '../review/model';
import { DocumentChecks, type DocumentState } from './checks';
import { codeActions, FIX_ALL_KIND, isFixAllData, resolveCodeAction } from './codeActions';
import { commandHandlers, COMMANDS, isServerCommand } from './commands';
import { completions } from './completion';
import { toLspDiagnostic, toOffset } from './convert';
import { definition, highlights, hover, prepareRename, rename, validUnitName } from './navigation';
import { documentSymbols, foldingRanges } from './outline';
import { lineDocuments } from './lineDocument';
import { ConfigStore } from './store';

const SERVER_VERSION = '0.1.0';

export class YaodianLanguageServer {
  /** Open documents' text, kept as lines: an edit costs what it touches, not the document's size. */
  readonly documents = new TextDocuments(lineDocuments);
  readonly checks: DocumentChecks;
  private readonly configs: ConfigStore;
  private canConfigure = false;
  private canWatch = false;
  private relativePatterns = false;
  // Config files the .yaodianrc.json glob watcher does not cover (bases named by `extends`), watched once each.
  private readonly watchedConfigFiles = new Set<string>();
  private resolveEdits = false;
  /** The client's command that places the cursor after a fix, when it has one (our VS Code client). */
  private cursorCommand: string | undefined;

  constructor(private readonly connection: Connection) {
    this.configs = new ConfigStore(
      async (uri) => (this.canConfigure ? ((await connection.workspace.getConfiguration({ scopeUri: uri, section: 'yaodian' })) ?? undefined) : undefined),
      (message) => connection.console.warn(message),
      (files) => this.watchConfigFiles(files),
    );
    this.checks = new DocumentChecks({
      document: (uri) => this.documents.get(uri),
      config: (uri) => this.configs.get(uri),
      publish: (state) => this.publish(state),
      error: (message) => connection.console.error(message),
    });
    this.register();
  }

  /** Starts reading messages. */
  listen(): void {
    this.documents.listen(this.connection);
    this.connection.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    const caps = params.capabilities;
    this.canConfigure = caps.workspace?.configuration === true;
    this.canWatch = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    this.relativePatterns = caps.workspace?.didChangeWatchedFiles?.relativePatternSupport === true;
    this.resolveEdits = caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
    const init = params.initializationOptions as InitializationOptions | undefined;
    this.cursorCommand = typeof init?.cursorCommand === 'string' ? init.cursorCommand : undefined;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll], resolveProvider: this.resolveEdits },
        documentSymbolProvider: { label: '工作要点' },
        foldingRangeProvider: true,
        definitionProvider: true,
        hoverProvider: true,
        renameProvider: { prepareProvider: true },
        documentHighlightProvider: true,
        completionProvider: { triggerCharacters: [':', '：', '、', '|', '\t', '(', '（'] },
        executeCommandProvider: { commands: COMMANDS },
      },
      serverInfo: { name: 'yaodian', version: SERVER_VERSION },
    };
  }

  private publish(state: DocumentState): void {
    const diagnostics = state.result.diagnostics.map((d) => toLspDiagnostic(state.result.doc, state.uri, d));
    void this.connection.sendDiagnostics({ uri: state.uri, version: state.version, diagnostics });
  }

  // Asks the client to watch the config files a document's config was read from that the glob
  // watcher of every .yaodianrc.json in the workspace does not cover: the files named by `extends`
  // (any name, maybe outside the workspace), and a .yaodianrc.json above the workspace folder.
  private watchConfigFiles(files: readonly string[]): void {
    if (!this.canWatch) return;
    const fresh = files.filter((f) => !this.watchedConfigFiles.has(f));
    if (fresh.length === 0) return;
    for (const f of fresh) this.watchedConfigFiles.add(f);
    const watchers = fresh.map((f) => ({
      globPattern: this.relativePatterns ? { baseUri: pathToFileURL(path.dirname(f)).href, pattern: path.basename(f) } : f.split(path.sep).join('/'),
    }));
    void this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
  }

  private recheckAll(): void {
    this.configs.clear();
    this.checks.recheckAll(this.documents.keys());
  }

  /**
   * The check of the document a request is about, for the version the editor had when it sent
   * the request (null when the document is not open).
   */
  private async state(doc: TextDocumentIdentifier, token: CancellationToken): Promise<DocumentState | null> {
    const open = this.documents.get(doc.uri);
    return open ? this.checks.at(doc.uri, open.version, token) : null;
  }

  /**
   * Every request runs through here: an exception is logged and answered as an error, and the
   * server goes on serving. A document that crashes a handler must not take the server down.
   */
  private guard<P, R>(name: string, handler: (params: P, token: CancellationToken) => R | Promise<R>) {
    return async (params: P, token: CancellationToken): Promise<R | ResponseError<void>> => {
      try {
        return await handler(params, token);
      } catch (err) {
        if (err instanceof ResponseError) return err as ResponseError<void>;
        this.connection.console.error(`yaodian: ${name} 失败: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        return new ResponseError<void>(-32603, `yaodian: ${name} 失败: ${err instanceof Error ? err.message : String(err)}`);
      }
    };
  }

  private register(): void {
    const { connection, documents } = this;
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => {
      if (this.canConfigure) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'yaodian' });
      if (this.canWatch) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.yaodianrc.json' }] });
    });

    documents.onDidChangeContent((e) => this.checks.changed(e.document.uri));
    documents.onDidClose((e) => {
      this.checks.closed(e.document.uri);
      this.configs.forget(e.document.uri);
      void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    });
    connection.onDidChangeConfiguration(() => this.recheckAll());
    connection.onDidChangeWatchedFiles(() => this.recheckAll());

    connection.onCodeAction(
      this.guard('codeAction', async (params, token) => {
        const state = await this.state(params.textDocument, token);
        return state ? codeActions(state, params, { resolveEdits: this.resolveEdits, cursorCommand: this.cursorCommand }) : [];
      }),
    );
    connection.onCodeActionResolve(
      this.guard('codeAction/resolve', async (action, token) => {
        if (!isFixAllData(action.data)) return action;
        const { uri, version } = action.data;
        return resolveCodeAction(action, await this.checks.at(uri, version, token));
      }),
    );
    connection.onDocumentSymbol(
      this.guard('documentSymbol', async (params, token) => {
        const state = await this.state(params.textDocument, token);
        return state ? documentSymbols(state.result) : [];
      }),
    );
    connection.onFoldingRanges(
      this.guard('foldingRange', async (params, token) => {
        const state = await this.state(params.textDocument, token);
        return state ? foldingRanges(state.result.doc) : [];
      }),
    );
    connection.onDefinition(
      this.guard('definition', async (params, token) => {
        const state = await this.state(params.textDocument, token);
        return state ? definition(state.uri, state.result, toOffset(state.result.doc, params.position)) : [];
      }),
    );
    connection.onHover(
      this.guard('hover', async (params, token) => {
        const state = await this.state(params.textDocument, token);
        return state ? hover(state.result, toOffset(state.result.doc, params.position)) : null;
      }),
    );
    connection.onPrepareRename(
      this.guard('prepareRename', async (params, token) => {
        const state = await this.state(params.textDocument, token);
        return state ? prepareRename(state.result, toOffset(state.result.doc, params.position)) : null;
      }),
    );
    connection.onRenameRequest(
      this.guard('rename', async (params, token) => {
        if (!validUnitName(params.newName)) throw new ResponseError(-32602, `单位名称不能包含分隔符或标点:“${params.newName}”`);
        const state = await this.state(params.textDocument, token);
        return state ? rename(state.uri, state.result, toOffset(state.result.doc, params.position), params.newName) : null;
      }),
    );
    connection.onDocumentHighlight(
      this.guard('documentHighlight', async (params, token) => {
        const state = await this.state(params.textDocument, token);
        return state ? highlights(state.result, toOffset(state.result.doc, params.position)) : [];
      }),
    );
    connection.onCompletion(
      this.guard('completion', async (params, token) => {
        const state = await this.state(params.textDocument, token);
        return state ? completions(state.result, toOffset(state.result.doc, params.position)) : [];
      }),
    );
    // The 任务分解表对照 view: the review of the document as the server has it now.
    connection.onRequest(
      COMPARISON_REQUEST,
      this.guard('comparison', async (params: ComparisonParams, token): Promise<ComparisonResult | null> => {
        if (!documents.get(params.uri)) return null;
        const state = await this.checks.latest(params.uri, token);
        return { uri: params.uri, version: state.version, review: buildReview(state.result) };
      }),
    );
    connection.onExecuteCommand(
      this.guard('executeCommand', async (params, token) => {
        if (!isServerCommand(params.command)) throw new ResponseError(-32601, `未知命令 ${params.command}`);
        const uri = String((params.arguments ?? [])[0] ?? '');
        if (!documents.get(uri)) throw new ResponseError(-32602, `文档未打开: ${uri}`);
        // A command works on the document as it is when its check completes; the client checks
        // that the version it applies an edit to is the one it asked about.
        return commandHandlers[params.command](uri, await this.checks.latest(uri, token));
      }),
    );
  }
}
