// The yaodian language server's entry point: `node dist/server.js --stdio` (or --node-ipc, or
// --socket=N, as vscode-languageserver reads the command line) works from any LSP editor. The
// server itself is lsp/server.ts.

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { YaodianLanguageServer } from './lsp/server';

new YaodianLanguageServer(createConnection(ProposedFeatures.all)).listen();
