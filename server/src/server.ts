// The yaodian language server: plain LSP (stdio, IPC or a socket, chosen by the command line as
// vscode-languageserver does), a thin layer over the same engine as the CLI.
// `node dist/server.js --stdio` works from any LSP editor.

import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentStore } from './lsp/store';
import { codeActions, FIX_ALL_KIND } from './lsp/codeActions';
import { documentSymbols, foldingRanges } from './lsp/outline';
import { definition, highlights, hover, prepareRename, rename, validUnitName } from './lsp/navigation';
import { completions } from './lsp/completion';
import { toLspDiagnostic, toOffset } from './lsp/convert';
import { CodeActionKind } from 'vscode-languageserver';
import { commandHandlers, COMMANDS } from './lsp/commands';
import { buildReview } from './review/model';
import { COMPARISON_REQUEST, type ComparisonParams, type ComparisonResult } from './review/protocol';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let canConfigure = false;
/** The client's command that places the cursor after a fix, when it has one (our VS Code client). */
let cursorCommand: string | undefined;
let canWatch = false;

const store = new DocumentStore(
  async (uri) => {
    if (!canConfigure) return undefined;
    const settings = (await connection.workspace.getConfiguration({ scopeUri: uri, section: 'yaodian' })) as { rules?: unknown } | null;
    return settings ?? undefined;
  },
  (message) => connection.console.warn(message),
);

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities;
  canConfigure = caps.workspace?.configuration === true;
  canWatch = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  const init = params.initializationOptions as { cursorCommand?: unknown } | undefined;
  cursorCommand = typeof init?.cursorCommand === 'string' ? init.cursorCommand : undefined;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll] },
      documentSymbolProvider: { label: '工作要点' },
      foldingRangeProvider: true,
      definitionProvider: true,
      hoverProvider: true,
      renameProvider: { prepareProvider: true },
      documentHighlightProvider: true,
      completionProvider: { triggerCharacters: [':', '：', '、', '|', '\t', '(', '（'] },
      executeCommandProvider: { commands: COMMANDS },
    },
    serverInfo: { name: 'yaodian', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (canConfigure) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'yaodian' });
  if (canWatch) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.yaodianrc.json' }] });
});

/**
 * Every request runs through here: an exception is logged and answered as an error, and the
 * server goes on serving. A document that crashes a handler must not take the server down.
 */
function guard<P, R>(name: string, handler: (params: P) => R | Promise<R>): (params: P) => Promise<R | ResponseError<void>> {
  return async (params: P) => {
    try {
      return await handler(params);
    } catch (err) {
      if (err instanceof ResponseError) return err as ResponseError<void>;
      connection.console.error(`yaodian: ${name} 失败: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return new ResponseError<void>(-32603, `yaodian: ${name} 失败: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
}

/** Re-checks a document once the current burst of changes is over (one pending run per document). */
const pending = new Map<string, NodeJS.Immediate>();
function schedule(doc: TextDocument): void {
  const old = pending.get(doc.uri);
  if (old) clearImmediate(old);
  pending.set(
    doc.uri,
    setImmediate(() => {
      pending.delete(doc.uri);
      void validate(doc);
    }),
  );
}

async function validate(doc: TextDocument): Promise<void> {
  try {
    const state = await store.update(doc.uri, doc.version, doc.getText());
    // A newer version arrived while the settings were fetched: that run will publish.
    if (documents.get(doc.uri)?.version !== doc.version) return;
    const diagnostics = state.result.diagnostics.map((d) => toLspDiagnostic(state.result.doc, doc.uri, d));
    await connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  } catch (err) {
    connection.console.error(`yaodian: 检查 ${doc.uri} 失败: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
}

function revalidateAll(): void {
  store.clearConfig();
  for (const d of documents.all()) schedule(d);
}

documents.onDidOpen((e) => schedule(e.document));
documents.onDidChangeContent((e) => schedule(e.document));
documents.onDidClose((e) => {
  store.forget(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});
connection.onDidChangeConfiguration(() => revalidateAll());
connection.onDidChangeWatchedFiles(() => revalidateAll());

/** The current analysis of a document, computed now if the last change has not been checked yet. */
async function current(uri: string) {
  const doc = documents.get(uri);
  if (!doc) return null;
  return store.update(uri, doc.version, doc.getText());
}

connection.onCodeAction(
  guard('codeAction', async (params) => {
    const state = await current(params.textDocument.uri);
    return state ? codeActions(params.textDocument.uri, state.result, state.config, params, cursorCommand) : [];
  }),
);
connection.onDocumentSymbol(guard('documentSymbol', async (params) => {
  const state = await current(params.textDocument.uri);
  return state ? documentSymbols(state.result.doc) : [];
}));
connection.onFoldingRanges(guard('foldingRange', async (params) => {
  const state = await current(params.textDocument.uri);
  return state ? foldingRanges(state.result.doc) : [];
}));
connection.onDefinition(guard('definition', async (params) => {
  const state = await current(params.textDocument.uri);
  return state ? definition(params.textDocument.uri, state.result, toOffset(state.result.doc, params.position)) : [];
}));
connection.onHover(guard('hover', async (params) => {
  const state = await current(params.textDocument.uri);
  return state ? hover(state.result, toOffset(state.result.doc, params.position)) : null;
}));
connection.onPrepareRename(guard('prepareRename', async (params) => {
  const state = await current(params.textDocument.uri);
  return state ? prepareRename(state.result, toOffset(state.result.doc, params.position)) : null;
}));
connection.onRenameRequest(guard('rename', async (params) => {
  if (!validUnitName(params.newName)) throw new ResponseError(-32602, `单位名称不能包含分隔符或标点:“${params.newName}”`);
  const state = await current(params.textDocument.uri);
  return state ? rename(params.textDocument.uri, state.result, toOffset(state.result.doc, params.position), params.newName) : null;
}));
connection.onDocumentHighlight(guard('documentHighlight', async (params) => {
  const state = await current(params.textDocument.uri);
  return state ? highlights(state.result, toOffset(state.result.doc, params.position)) : [];
}));
connection.onCompletion(guard('completion', async (params) => {
  const state = await current(params.textDocument.uri);
  return state ? completions(state.result, toOffset(state.result.doc, params.position)) : [];
}));
connection.onExecuteCommand(guard('executeCommand', async (params) => {
  const handler = commandHandlers[params.command];
  if (!handler) throw new ResponseError(-32601, `未知命令 ${params.command}`);
  const uri = String((params.arguments ?? [])[0] ?? '');
  const state = await current(uri);
  if (!state) throw new ResponseError(-32602, `文档未打开: ${uri}`);
  return handler(uri, state);
}));

connection.onRequest(
  COMPARISON_REQUEST,
  guard('comparison', async (params: ComparisonParams): Promise<ComparisonResult | null> => {
    const state = await current(params.uri);
    return state ? { uri: params.uri, version: state.version, review: buildReview(state.result) } : null;
  }),
);

documents.listen(connection);
connection.listen();
