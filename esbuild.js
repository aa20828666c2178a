// Bundles the entry points: the VS Code client, the language server and the CLI.
// esbuild does not type-check; `npm run typecheck` (tsc --noEmit) does.
const crypto = require('crypto');
const fs = require('fs');
const esbuild = require('esbuild');

const production = process.argv.includes('--production');

const entries = [
  { in: 'server/src/cli.ts', out: 'dist/cli-main.js', lazyVendor: true },
  // Libraries the CLI needs only now and then (GB18030 files; directories and globs) are bundled
  // apart: the engine's file stays small, and every check skips reading ~700 KB of code tables.
  { in: 'iconv-lite', out: 'dist/vendor/iconv-lite.js' },
  { in: 'fast-glob', out: 'dist/vendor/fast-glob.js' },
  // Read only for Word documents (.docx): the zip and the XML parser.
  { in: 'fflate', out: 'dist/vendor/fflate.js' },
  { in: 'saxes', out: 'dist/vendor/saxes.js' },
  // Read only when there is a config file, an ignore file, config overrides or a review to build.
  { in: 'jsonc-parser', out: 'dist/vendor/jsonc-parser.js' },
  { in: 'ignore', out: 'dist/vendor/ignore.js' },
  { in: 'picomatch', out: 'dist/vendor/picomatch.js' },
  { in: 'diff', out: 'dist/vendor/diff.js' },
  { in: 'server/src/server.ts', out: 'dist/server.js' },
  // The programmatic API, `require('yaodian')` (package.json exports); its types are below.
  { in: 'server/src/api.ts', out: 'dist/api.js' },
  { in: 'client/src/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
  // The comparison view's page (a webview): a browser script and its stylesheet.
  { in: 'client/webview/comparison.ts', out: 'dist/webview/comparison.js', browser: true },
  { in: 'client/webview/comparison.css', out: 'dist/webview/comparison.css', browser: true },
];
// dist/cli.js is a small loader that runs dist/cli-main.js with a compile cache (server/src/cliLoader.ts).
// It is built after dist/cli-main.js: the hash of that script is written into it (the cache's
// name), so that starting the CLI needs neither node:crypto nor a pass over the engine's source.
const loader = { in: 'server/src/cliLoader.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node' };
const LAZY_VENDOR = ['iconv-lite', 'fast-glob', 'fflate', 'saxes', 'jsonc-parser', 'ignore', 'picomatch', 'diff'];

/** Resolves `require('iconv-lite')` in dist/cli-main.js to the separate dist/vendor/iconv-lite.js. */
const lazyVendorPlugin = {
  name: 'lazy-vendor',
  setup(build) {
    const filter = new RegExp(`^(${LAZY_VENDOR.join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: `./vendor/${args.path}.js`, external: true }));
  },
};

function build(e, define) {
  return esbuild.build({
    define,
    entryPoints: [e.in],
    outfile: e.out,
    bundle: true,
    platform: e.browser ? 'browser' : 'node',
    target: e.browser ? 'chrome120' : 'node20',
    format: e.browser ? 'iife' : 'cjs',
    // jsonc-parser's UMD build cannot be bundled (dynamic requires); its ESM build can.
    alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
    sourcemap: !production,
    minify: production,
    external: e.external || [],
    plugins: e.lazyVendor ? [lazyVendorPlugin] : [],
    banner: e.banner ? { js: e.banner } : undefined,
    logLevel: 'warning',
  });
}

/**
 * dist/api.d.ts from server/src/api.ts alone (TypeScript's isolated declarations): the API file
 * declares every type it exports, so the declaration stands alone. A type that cannot be written
 * out that way fails the build here rather than shipping a broken .d.ts.
 */
function buildApiTypes() {
  const ts = require('typescript');
  const source = fs.readFileSync('server/src/api.ts', 'utf8');
  const result = ts.transpileDeclaration(source, { fileName: 'api.ts', compilerOptions: { isolatedDeclarations: true, declaration: true, strict: true } });
  if (result.diagnostics.length > 0) {
    throw new Error(`server/src/api.ts: ${result.diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('; ')}`);
  }
  fs.writeFileSync('dist/api.d.ts', `// yaodian 的编程接口 (programmatic API). Generated from server/src/api.ts by esbuild.js.\n${result.outputText}`);
}

async function main() {
  fs.mkdirSync('dist', { recursive: true });
  buildApiTypes();
  await Promise.all(entries.filter((e) => !e.in.includes('/') || fs.existsSync(e.in)).map((e) => build(e)));
  const engine = crypto.createHash('sha256').update(fs.readFileSync('dist/cli-main.js')).digest('hex').slice(0, 16);
  await build(loader, { CLI_MAIN_HASH: JSON.stringify(engine) });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
