// Every bad input gets one clear line naming the problem and the fix, a non-zero exit, no stack trace, and
// leaves nothing in the output folder that looks finished.
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../helpers/env.ts';
import { MODEL_FILES, modelDirectory } from '../../src/kokoro/model-files.ts';

async function expectRefusal(args: string[], message: RegExp, options: Parameters<typeof runCli>[2] = {}): Promise<void> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'narrate-bad-'));
  const result = await runCli('src/cli/narrate.ts', [...args, '--out', outDir], options);
  assert.notEqual(result.code, 0, `exit code 0 for ${args.join(' ')}`);
  const lines = result.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `more than one line:\n${result.stderr}`);
  assert.match(lines[0]!, /^error: /);
  assert.match(lines[0]!, message);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'a stack trace');
  assert.deepEqual(await readdir(outDir), [], 'files left in the output folder');
}

describe('bad input', () => {
  it('refuses an empty text', () => expectRefusal(['--text', '   '], /text is empty/));

  it('refuses a text of only punctuation and emoji', () => expectRefusal(['--text', '¡¿...?! — 😀🎉'], /nothing to say.*at least one word/));

  it('refuses an unknown voice and lists the known ones', () =>
    expectRefusal(['--text', 'Hola.', '--voice', 'ef_nobody'], /Voice "ef_nobody" is not available \(available: .*ef_dora/));

  it('refuses a malformed voice blend', () =>
    expectRefusal(['--text', 'Hola.', '--voice', 'ef_dora:mucho'], /not a voice name or a blend.*ef_dora:0.7/));

  it('refuses an unknown language', () => expectRefusal(['--text', 'Hola.', '--lang', 'tlh'], /"tlh" is not one Kokoro can speak.*es, en-us/));

  for (const speed of ['0.2', '2.5', 'rápido']) {
    it(`refuses speed ${speed}`, () => expectRefusal(['--text', 'Hola.', '--speed', speed], /speed|--speed/i));
  }

  // Options are checked before anything is read, fetched or loaded: with no model at all, the option is what fails.
  const noModel = { env: { KOKORO_MODEL: '/nonexistent/kokoro.onnx' } };
  const badOptions: Array<[string[], RegExp]> = [
    [['--min-phrase-chars', '200'], /--min-phrase-chars 200 and --max-phrase-chars 120 are not whole numbers with 0 <= min <= max/],
    [['--max-phrase-chars', '0'], /--max-phrase-chars 0/],
    [['--phrase-silence-ms', '-300'], /--phrase-silence-ms -300 is negative/],
    [['--max-chars', '0'], /--max-chars 0 is not a positive whole number/],
    [['--speed', '3'], /Speed 3 is outside 0.5-2/],
    [['--lang', 'tlh'], /"tlh" is not one Kokoro can speak/],
  ];
  for (const [option, message] of badOptions) {
    it(`refuses ${option.join(' ')} before any work`, () =>
      expectRefusal(['--timing', 'calibrated', '--article', 'http://127.0.0.1:9/never-fetched', ...option], message, noModel));
  }

  it('refuses a --media value that is no picture, folder or URL before any work', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'media-bad-'));
    await writeFile(path.join(dir, 'notas.jpg'), 'esto no es una foto');
    await mkdir(path.join(dir, 'vacia'));
    const cases: Array<[string, RegExp]> = [
      [path.join(dir, 'no-existe.jpg'), /--media .*no-existe\.jpg" is neither an existing file or folder nor an http\(s\) URL/],
      [path.join(dir, 'notas.jpg'), /--media .*notas\.jpg cannot be used, it is not an image\. Give a JPEG, PNG, WebP or GIF file/],
      [path.join(dir, 'vacia'), /--media .*vacia: the folder holds no \.jpg, \.png, \.webp or \.gif file/],
      [`2=${dir}`, /--media 2=.*: a section shows one picture, and .* is a folder\. Name one file: 2=FILE/],
    ];
    for (const [value, message] of cases) await expectRefusal(['--article', 'http://127.0.0.1:9/never-fetched', '--media', value], message, noModel);
  });

  it('refuses a file that is not UTF-8', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'latin1-')), 'texto.txt');
    await writeFile(file, Buffer.from('Canción de otoño', 'latin1'));
    await expectRefusal(['--file', file], /is not UTF-8 text.*iconv/);
  });

  it('refuses a missing file', () => expectRefusal(['--file', '/nonexistent/texto.txt'], /does not exist/));

  it('refuses a 200,000-character text before doing any work', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'long-')), 'largo.txt');
    await writeFile(file, 'Una frase corta de prueba. '.repeat(7408));
    await expectRefusal(['--file', file], /200,016 characters, over the limit of 50,000.*--max-chars/);
  });

  it('refuses a model path that does not exist', () =>
    expectRefusal(['--text', 'Hola.'], /Model file \/nonexistent\/kokoro.onnx does not exist/, {
      env: { KOKORO_MODEL: '/nonexistent/kokoro.onnx' },
    }));

  it('refuses a corrupt model file', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'model-')), 'broken.onnx');
    await writeFile(file, 'this is not an onnx model');
    await expectRefusal(['--text', 'Hola.', '--model', file], /could not be loaded.*another --model/);
  });

  it('refuses a truncated copy of the known model by its size', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'model-dir-'));
    await writeFile(path.join(directory, MODEL_FILES.int8.file), Buffer.alloc(1000));
    await expectRefusal(['--text', 'Hola.'], /is 1000 bytes, but kokoro-v1.0.int8.onnx is 92361271 bytes/, { env: { KOKORO_MODEL_DIR: directory } });
  });

  it('refuses a copy of the model with the right size but wrong bytes by its sha256', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'model-dir-'));
    const copy = path.join(directory, MODEL_FILES.int8.file);
    await copyFile(path.join(modelDirectory(), MODEL_FILES.int8.file), copy);
    const handle = await import('node:fs/promises').then((fs) => fs.open(copy, 'r+'));
    await handle.write(Buffer.from([0xff, 0xff, 0xff, 0xff]), 0, 4, 50_000_000);
    await handle.close();
    await expectRefusal(['--text', 'Hola.'], /has sha256 [0-9a-f]{64}, expected 6e742170.*corrupt/, { env: { KOKORO_MODEL_DIR: directory } });
  });

  it('leaves no finished-looking file when encoding fails half way', () =>
    expectRefusal(['--text', 'Hola.'], /ffmpeg \(\/bin\/false\) could not (measure the loudness|encode the MP3).*FFMPEG_PATH/, {
      env: { FFMPEG_PATH: '/bin/false' },
    }));
});
