// @ts-check
// Runs one of the commands (src/cli/<name>.ts) as JavaScript that esbuild bundled into dist/ (git-ignored),
// bundling it first when dist/ has none or any file it was built from is newer. Under tsx every start pays about
// half a second of CPU (its loader thread, each module's TypeScript compiled or read back from its cache) before
// the command does anything; `narrate --say`, which an editor runs once per lexicon entry, should answer at once.
// Plain JavaScript, type-checked through JSDoc: it is what runs before any TypeScript can.
//   node scripts/cli.mjs narrate --say "Reuters informó"
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'dist');

const [name, ...args] = process.argv.slice(2);
const source = path.join(ROOT, 'src', 'cli', `${name}.ts`);
if (name === undefined || !statSync(source, { throwIfNoEntry: false })?.isFile()) {
  process.stderr.write(`error: no command "${name ?? ''}" in src/cli. Run one of its files by name: node scripts/cli.mjs narrate --help\n`);
  process.exit(1);
}
const entry = path.join(DIST, `${name}.js`);
const metafile = path.join(DIST, `${name}.meta.json`);

/** The time a file was last changed, 0 when it does not exist. */
const changedAt = (/** @type {string} */ file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;

/** Whether the bundle is missing or older than this script or any file esbuild read to make it. */
function stale() {
  const built = changedAt(entry);
  if (built === 0 || changedAt(metafile) === 0) return true;
  /** @type {{ inputs: Record<string, unknown> }} */
  const meta = JSON.parse(readFileSync(metafile, 'utf8'));
  const inputs = Object.keys(meta.inputs).map((input) => path.join(ROOT, input));
  return [import.meta.filename, ...inputs].some((file) => changedAt(file) === 0 || changedAt(file) > built);
}

/**
 * The bundle runs from dist/, but our modules find their data files (src/text/es/data, the shipped lexicon) and
 * start their own worker threads from where they are (import.meta.url and import.meta.dirname): each module is
 * given its source file's location, so both work as under tsx (a worker then runs its module's source with tsx).
 * @type {import('esbuild').Plugin}
 */
const sourceLocations = {
  name: 'source-locations',
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, (module) => {
      if (module.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const fromDist = path.relative(DIST, module.path).split(path.sep).join('/');
      const contents = readFileSync(module.path, 'utf8')
        .replaceAll('import.meta.url', `new URL(${JSON.stringify(fromDist)}, import.meta.url).href`)
        .replaceAll('import.meta.dirname', `(import.meta.dirname + ${JSON.stringify(`/${path.posix.dirname(fromDist)}`)})`);
      return { contents, loader: module.path.endsWith('.tsx') ? 'tsx' : 'ts' };
    });
  },
};

/** A file written whole under another name, then renamed: a command starting meanwhile reads the old or the new. */
function writeWhole(/** @type {string} */ file, /** @type {string | Uint8Array} */ contents) {
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, contents);
  renameSync(partial, file);
}

async function bundle() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [source],
    outdir: DIST,
    bundle: true,
    // Each module loaded with `await import()` stays a chunk of its own, loaded only when the command gets there
    // (a dry run never loads the Kokoro engine); packages stay in node_modules, imported as they are.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    metafile: true,
    write: false,
    logLevel: 'warning',
    plugins: [sourceLocations],
  });
  mkdirSync(DIST, { recursive: true });
  // Chunks are named by their content's hash, so a narration still running keeps finding the ones it loads later;
  // the entry and the metafile come last.
  const outputs = result.outputFiles.sort((a, b) => Number(a.path === entry) - Number(b.path === entry));
  for (const output of outputs) writeWhole(output.path, output.contents);
  writeWhole(metafile, JSON.stringify(result.metafile));
}

if (stale()) await bundle();
// The command reads its arguments from process.argv as if it had been started on its own.
process.argv.splice(1, process.argv.length - 1, entry, ...args);
await import(pathToFileURL(entry).href);
