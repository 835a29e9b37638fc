// The editor's side of the lexicon: `narrate --say` and `--dry-run` print what the voice would be given without
// opening the model (a model path that does not exist proves it), and a bad lexicon line stops narrate and render
// with one line naming the file:line and the fix, before anything is written.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../helpers/env.ts';
import { timedProcess } from '../helpers/timed-process.ts';

const folder = await mkdtemp(path.join(tmpdir(), 'lexicon-cli-'));
const lexicon = path.join(folder, 'newsroom.es.tsv');
await writeFile(lexicon, "# the newsroom's names\nReuters\tróiters\nNvidia\t/ɛnbˈidja/\n");
const NO_MODEL = ['--model', path.join(folder, 'no-such-model.onnx')];

describe('narrate --say and --dry-run', () => {
  it('prints the spoken form, the phonemes and the entries said, with no model', async () => {
    const out = path.join(folder, 'say-out');
    const result = await runCli('src/cli/narrate.ts', [
      '--say',
      'Según Reuters, Nvidia sube un 3,5 %.',
      '--lexicon',
      lexicon,
      ...NO_MODEL,
      '--out',
      out,
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '');
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines[0], 'es (es-ES): 1 passage(s), nothing synthesized');
    assert.match(lines[1]!, /^passage 1 \(\d+ tokens\)$/);
    assert.deepEqual(lines.slice(2, 4), [
      '  written:  Según Reuters, Nvidia sube un 3,5 %',
      '  spoken:   Según róiters, Nvidia sube un tres coma cinco por ciento',
    ]);
    assert.match(lines[4]!, /^ {2}phonemes: seɣˈun rˈoiteɾs, ɛnbˈidja .*\.$/);
    assert.deepEqual(lines.slice(5), [`  lexicon:  Reuters -> róiters (${lexicon}:2)`, `  lexicon:  Nvidia -> /ɛnbˈidja/ (${lexicon}:3)`]);
    assert.ok(!existsSync(out), 'a dry run writes nothing');
  });

  it('reads the same from the bundle npm runs (dist/, built when stale) as from the source', async () => {
    // The shipped lexicon and the Spanish word lists are found from the bundle too: 'Reuters' is a shipped entry.
    const say = ['--say', 'Reuters informó el 3 de mayo.', '--dry-run'];
    const fromSource = await runCli('src/cli/narrate.ts', say);
    const { stdout: fromBundle } = await timedProcess(process.execPath, ['scripts/cli.mjs', 'narrate', ...say]);
    assert.equal(fromSource.code, 0, fromSource.stderr);
    assert.match(fromSource.stdout, /lexicon: {2}Reuters -> róiters \(.*src\/lexicon\/data\/es\.tsv:\d+\)/);
    assert.equal(fromBundle, fromSource.stdout);
  });

  it('dry-runs any source passage by passage: a titled text shows its title and body', async () => {
    const result = await runCli('src/cli/narrate.ts', ['--title', 'Reuters, hoy', '--text', 'Nvidia abrió en alza.', '--dry-run', ...NO_MODEL]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /written: {2}Reuters, hoy Nvidia abrió en alza/);
    assert.match(result.stdout, /phonemes: .*, ˈoɪ\. /, 'the title ends in a full stop the voice hears');
  });

  it('refuses --say with another text source', async () => {
    const result = await runCli('src/cli/narrate.ts', ['--say', 'Hola', '--text', 'Adiós']);
    assert.equal(result.code, 1);
    assert.equal(result.stderr, 'error: --say and --text both give the text. Pass one of them\n');
  });
});

describe('a bad lexicon', () => {
  for (const cli of ['src/cli/narrate.ts', 'src/cli/render.ts']) {
    it(`stops ${path.basename(cli, '.ts')} with one line naming the file:line and the fix, writing nothing`, async () => {
      const bad = path.join(folder, 'bad.tsv');
      await writeFile(bad, 'Reuters\tróiters\nNew York niu iork\n');
      const out = path.join(folder, `out-${path.basename(cli, '.ts')}`);
      const result = await runCli(cli, ['--text', 'Hola.', '--lexicon', lexicon, '--lexicon', bad, ...NO_MODEL, '--out', out]);
      assert.equal(result.code, 1);
      assert.equal(
        result.stderr,
        `error: ${bad}:2: "New York niu iork" has no pronunciation (no tab: columns are separated by tabs, not spaces). ` +
          'Write the written form, a tab, how it is said (a respelling, Kokoro phonemes between slashes, or @ and the language whose voice reads it), and optionally a tab and "case"\n',
      );
      assert.ok(!existsSync(out));
    });
  }

  it('names a missing file', async () => {
    const result = await runCli('src/cli/narrate.ts', ['--say', 'Hola', '--lexicon', path.join(folder, 'missing.tsv')]);
    assert.equal(result.code, 1);
    assert.equal(
      result.stderr,
      `error: The lexicon ${path.join(folder, 'missing.tsv')} cannot be read (ENOENT). Check the path given to --lexicon\n`,
    );
  });
});
