// The CLI compiled into one file, built on first use and again whenever a source file changes. Loading the CLI's
// three hundred modules one by one (TypeScript through tsx, date-fns and zod file by file) took over a second of
// every run; the one-file bundle loads in a third of that.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENTRY = 'scanner/cli/main.ts';
/** Loaded from their own folders: DuckDB's native binding, and exceljs (large, loaded only when a workbook is made). */
const EXTERNAL = ['@duckdb/node-bindings', 'exceljs'];
/** npm rewrites this on every install, so a changed dependency makes the bundle stale without checking its files. */
const INSTALLED = 'node_modules/.package-lock.json';

/**
 * The bundle's file URL, rebuilt first if any of its sources changed; undefined if it cannot be built here (a
 * read-only install, esbuild missing), and the caller runs the TypeScript through tsx instead.
 */
export async function compiledCli(cacheFolder = join(ROOT, 'node_modules', '.cache', 'rollsweep')) {
  const bundle = join(cacheFolder, 'cli.mjs');
  const record = join(cacheFolder, 'cli.sources.json');
  try {
    if (isUpToDate(record)) return pathToFileURL(bundle).href;
    await build(bundle, record);
    return pathToFileURL(bundle).href;
  } catch {
    return undefined;
  }
}

/** Every source the last build read is unchanged since that build started, and no source was deleted. */
function isUpToDate(record) {
  let built;
  try {
    built = JSON.parse(readFileSync(record, 'utf8'));
  } catch {
    return false;
  }
  if (built.root !== ROOT) return false;
  try {
    return built.sources.every((source) => statSync(join(ROOT, source)).mtimeMs < built.startedAt);
  } catch {
    return false;
  }
}

async function build(bundle, record) {
  const startedAt = Date.now();
  const esbuild = await import('esbuild');
  mkdirSync(dirname(bundle), { recursive: true });
  // Written beside the final name and renamed: CLIs started at the same moment each build, and none reads half a file.
  const unique = `${process.pid}-${startedAt}`;
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    outfile: `${bundle}.${unique}`,
    metafile: true,
    logLevel: 'silent',
    // CommonJS dependencies (iconv-lite, yargs' helpers) call require for Node's own modules.
    banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
    plugins: [keepModuleLocations],
  });
  const sources = Object.keys(result.metafile.inputs).filter((source) => !source.startsWith('node_modules/'));
  // Without npm's record (another package manager), package.json alone stands for the dependencies.
  const installed = existsSync(join(ROOT, INSTALLED)) ? [INSTALLED] : [];
  writeFileSync(`${record}.${unique}`, JSON.stringify({ root: ROOT, startedAt, sources: [...sources, 'package.json', ...installed] }));
  renameSync(`${bundle}.${unique}`, bundle);
  renameSync(`${record}.${unique}`, record);
}

/**
 * In one file every module would share the bundle's import.meta.url, so each module's own URL is written in its
 * place: the version reads ../package.json, the demo finds sample-data/, yargs finds its Chinese messages, and
 * createRequire resolves packages from where the module really is.
 */
const keepModuleLocations = {
  name: 'keep-module-locations',
  setup(builder) {
    builder.onLoad({ filter: /\.(?:[cm]?[jt]s)$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const loader = args.path.endsWith('ts') ? 'ts' : 'js';
      return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader };
    });
  },
};
