// The import rule, checked from the code itself: folders of src/ and remotion/ import one another without a loop
// (so every import points down a layer), and the pure layers reach no Node built-in or native package, not even
// through what they import. Prints the layers from the top; exits non-zero naming each import that breaks a rule.
//   npx tsx scripts/check-layers.ts
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/system/project-root.ts';

/** Folders whose code must run anywhere (the Remotion bundle, a worker, a test) with no I/O: pure math and types. */
const PURE_FOLDERS = ['src/contract', 'src/timing', 'src/narration'];
const ROOTS = ['src', 'remotion'];
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'|import\('([^']+)'\)/g;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const full = path.join(folder, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry) ? [full] : [];
  });
}

/** A file's layer: its folder right under src/ or remotion/ (files directly in src/ form the folder `src`). */
function folderOf(file: string): string {
  const [root, first, ...rest] = path.relative(PROJECT_ROOT, file).split(path.sep);
  return rest.length === 0 ? root! : `${root}/${first}`;
}

const files = ROOTS.flatMap((root) => sourceFiles(path.join(PROJECT_ROOT, root)));
const imports = new Map<string, string[]>();
for (const file of files) {
  const specifiers = [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((match) => match[1] ?? match[2]!);
  imports.set(file, specifiers);
}
const localTarget = (file: string, specifier: string) => (specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier) : undefined);

const problems: string[] = [];
const folderEdges = new Map<string, Map<string, string>>();
for (const [file, specifiers] of imports) {
  for (const specifier of specifiers) {
    const target = localTarget(file, specifier);
    if (!target || !imports.has(target)) continue;
    const [from, to] = [folderOf(file), folderOf(target)];
    if (from === to) continue;
    const edges = folderEdges.get(from) ?? new Map<string, string>();
    edges.set(to, `${path.relative(PROJECT_ROOT, file)} -> ${path.relative(PROJECT_ROOT, target)}`);
    folderEdges.set(from, edges);
  }
}

// Layers: a folder's floor is one above the highest folder it imports; a loop has no floor.
const folders = [...new Set(files.map(folderOf))].sort();
const floor = new Map<string, number>();
const visiting = new Set<string>();
function floorOf(folder: string, trail: string[]): number {
  const known = floor.get(folder);
  if (known !== undefined) return known;
  if (visiting.has(folder)) {
    const loop = [...trail.slice(trail.indexOf(folder)), folder];
    const witnesses = loop.slice(1).map((to, index) => folderEdges.get(loop[index]!)!.get(to)!);
    problems.push(`import loop between folders ${loop.join(' -> ')}:\n    ${witnesses.join('\n    ')}`);
    return 0;
  }
  visiting.add(folder);
  const below = [...(folderEdges.get(folder)?.keys() ?? [])].map((to) => floorOf(to, [...trail, folder]));
  visiting.delete(folder);
  const result = 1 + Math.max(0, ...below);
  floor.set(folder, result);
  return result;
}
for (const folder of folders) floorOf(folder, []);

// Pure folders: nothing they reach, file by file, imports node:* or a package other than zod.
function impureImport(file: string, seen = new Set<string>()): string | undefined {
  if (seen.has(file)) return undefined;
  seen.add(file);
  for (const specifier of imports.get(file) ?? []) {
    const target = localTarget(file, specifier);
    if (target) {
      const found = imports.has(target) ? impureImport(target, seen) : undefined;
      if (found) return `${path.relative(PROJECT_ROOT, file)} -> ${found}`;
    } else if (specifier !== 'zod') {
      return `${path.relative(PROJECT_ROOT, file)} imports '${specifier}'`;
    }
  }
  return undefined;
}
for (const file of files.filter((file) => PURE_FOLDERS.includes(folderOf(file)))) {
  const found = impureImport(file);
  if (found) problems.push(`pure folder ${folderOf(file)} reaches I/O: ${found}`);
}

for (const folder of [...folders].sort((a, b) => floor.get(b)! - floor.get(a)! || a.localeCompare(b))) {
  const below = [...(folderEdges.get(folder)?.keys() ?? [])].sort();
  console.log(`floor ${String(floor.get(folder)).padStart(2)}  ${folder.padEnd(18)} imports ${below.join(', ') || 'nothing of ours'}`);
}
if (problems.length > 0) {
  for (const problem of problems) console.error(`error: ${problem}`);
  process.exit(1);
}
console.log(`layers: ${folders.length} folders, no loop, pure folders (${PURE_FOLDERS.join(', ')}) reach no I/O`);
