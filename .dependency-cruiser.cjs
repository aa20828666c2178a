// The engine's layers point one way (README, "架构"): core and lexicon → document (syntax) →
// analysis (meaning) → fixes (edit builders) → rules → engine → CLI, language server, reports.
// The CLI, the language server and the API see the engine only through its facade (engine/index.ts).
// `npm test` runs this check; a lower layer importing a higher one, or any cycle, fails it.
const layer = (name) => `^server/src/${name}`;
const above = (names) => `^server/src/(${names.join('|')})`;

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules must not import each other in a circle (a cycle of type-only imports is harmless at run time).',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'core-is-the-bottom',
      severity: 'error',
      comment: 'core (edits, severities) and the lexicon import nothing of the engine.',
      from: { path: '^server/src/(core/|lexicon\\.ts)' },
      to: { path: above(['document', 'analysis', 'fixes', 'rules', 'engine', 'config', 'report', 'cli', 'lsp', 'server\\.ts', 'cli\\.ts']), pathNot: '^server/src/document/model\\.ts$' },
    },
    {
      name: 'syntax-knows-no-meaning',
      severity: 'error',
      comment: 'The parser (document/) reads what is written; meaning, rules and adapters build on it.',
      from: { path: layer('document/') },
      to: { path: above(['analysis', 'fixes', 'rules', 'engine', 'config', 'report', 'cli', 'lsp', 'server\\.ts']) },
    },
    {
      name: 'meaning-knows-no-rules',
      severity: 'error',
      from: { path: layer('analysis/') },
      to: { path: above(['fixes', 'rules', 'engine', 'report', 'cli', 'lsp', 'server\\.ts']) },
    },
    {
      name: 'fixes-know-no-rules',
      severity: 'error',
      from: { path: layer('fixes/') },
      to: { path: above(['rules', 'engine', 'report', 'cli', 'lsp', 'server\\.ts']) },
    },
    {
      name: 'rules-know-no-adapters',
      severity: 'error',
      from: { path: layer('rules/') },
      to: { path: above(['engine', 'report', 'cli', 'lsp', 'server\\.ts']) },
    },
    {
      name: 'config-types-are-low',
      severity: 'error',
      comment: 'The config types and defaults are read by analysis and rules: they import only core and the lexicon.',
      from: { path: '^server/src/config/config\\.ts$' },
      to: { path: above(['document', 'analysis', 'fixes', 'rules', 'engine', 'report', 'cli', 'lsp']), pathNot: '^server/src/document/text\\.ts$' },
    },
    {
      name: 'engine-knows-no-adapters',
      severity: 'error',
      from: { path: layer('engine/') },
      to: { path: above(['cli', 'lsp', 'server\\.ts']) },
    },
    {
      name: 'adapters-use-the-engine-facade',
      severity: 'error',
      comment:
        'The CLI, the language server, the reports, the review and the API use the engine through its facade (engine/index.ts) ' +
        'and nothing else: not the parser, the analysis, the fix builders, the rules, the config loader or the engine modules ' +
        'behind the facade. So config resolution, linting and fixing are the same for the editor and CI. ' +
        'core, the lexicon, reports and the CLI-only config helpers (template, ignore files) are theirs to use.',
      from: { path: '^server/src/(cli/|lsp/|report/|review/|api\\.ts$)' },
      to: { path: '^server/src/((document|analysis|fixes|rules)/|config/(config|load)\\.ts$|engine/(?!index\\.ts$))' },
    },
    {
      name: 'engine-knows-no-vscode',
      severity: 'error',
      comment: 'Parsing, rules and the engine know nothing of VS Code.',
      from: { path: '^server/src/' },
      to: { path: '(^|/)node_modules/(vscode|@types/vscode)/' },
    },
    {
      name: 'server-is-not-the-client',
      severity: 'error',
      from: { path: '^server/src/' },
      to: { path: '^client/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|out|node_modules)/' },
  },
};
