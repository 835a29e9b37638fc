// --max-seconds on a real long article page served from 127.0.0.1 (the Guardian page of Readability's tests,
// 6,000 characters, about five minutes read whole): the video lasts at most the length, the narration ends at a
// sentence end with the title kept, and only the passes that can fit were synthesized, counted from the
// progress lines --verbose prints.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { NarrationSchema } from '../../src/contract/narration.ts';
import { PROJECT_ROOT } from '../../src/system/project-root.ts';
import { runCli } from '../helpers/env.ts';
import { send, startServer, type TestServer } from '../helpers/server.ts';
import { ffprobe } from '../helpers/video.ts';

const PAGE = path.resolve(PROJECT_ROOT, '../shared/fixtures/readability/guardian-1/source.html');
const MAX_SECONDS = 60;

describe('render --max-seconds', () => {
  let server: TestServer;
  let out: string;
  let stderr: string;

  before(async () => {
    server = await startServer({ '/story': send(await readFile(PAGE), 'text/html; charset=utf-8') });
    out = path.join(await mkdtemp(path.join(tmpdir(), 'max-seconds-')), 'video');
    const args = [
      '--article',
      server.url('/story'),
      '--max-seconds',
      String(MAX_SECONDS),
      '--format',
      'vertical',
      '--scale',
      '0.25',
      '--verbose',
      '--out',
      out,
    ];
    const result = await runCli('src/cli/render.ts', args);
    assert.equal(result.code, 0, result.stderr);
    stderr = result.stderr;
  });
  after(() => server.close());

  it('makes a video of at most the length asked for', async () => {
    const seconds = Number((await ffprobe(path.join(out, 'video.mp4'))).format.duration);
    assert.ok(seconds <= MAX_SECONDS + 0.05, `${seconds} s`);
    assert.ok(seconds >= MAX_SECONDS - 15, `${seconds} s: the cut should fall near the length, not far before it`);
  });

  it('ends the narration at a sentence end, keeps the title, and says it was shortened', async () => {
    const narration = NarrationSchema.parse(JSON.parse(await readFile(path.join(out, 'narration.json'), 'utf8')));
    assert.equal(narration.sections[0]!.kind, 'title');
    assert.equal(narration.sentences.at(-1)!.charEnd, narration.text.length);
    assert.match(narration.text, /[.!?…»"”']$/u);
    assert.ok(narration.shortened && narration.shortened.fullTextChars > narration.text.length * 3, JSON.stringify(narration.shortened));
    assert.ok(narration.audio.durationMs <= (MAX_SECONDS - 4) * 1000, `${narration.audio.durationMs} ms of narration`);
  });

  it('synthesized no pass it did not need: the planned passes cover the length, not the article', async () => {
    const progress = [...stderr.matchAll(/^synthesis (\d+)\/(\d+)$/gm)].map((match) => [Number(match[1]), Number(match[2])] as const);
    const [done, planned] = progress.at(-1)!;
    const narration = NarrationSchema.parse(JSON.parse(await readFile(path.join(out, 'narration.json'), 'utf8')));
    // A pass reads up to 510 tokens, about 25 s: 56 s of narration is three passes, planned with a margin.
    assert.ok(planned <= 4, `${planned} passes planned`);
    process.stderr.write(`# ${done} passes synthesized of ${planned} planned, ${narration.chunks.length} kept, ${narration.audio.durationMs} ms\n`);
    assert.ok(done <= narration.chunks.length + 1, `${done} passes synthesized for ${narration.chunks.length} kept`);
  });
});
