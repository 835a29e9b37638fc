import assert from 'node:assert/strict';
import { it } from 'node:test';
import { toSrt, toWebVtt } from '../../src/captions/formats.ts';

// An article's text reaches the cue verbatim: one that writes a timing arrow, a tag, an entity or a blank line must
// not add a cue, a style or a character the reader never saw.
const hostile = {
  startMs: 0,
  endMs: 1500,
  lines: ['a --> b <c.x>rojo</c> &amp;', 'fin\n\n2\n00:00:09,000 --> 00:00:10,000'],
  charStart: 0,
  charEnd: 40,
};

const timingLines = (text: string) => text.split('\n').filter((line) => line.includes('-->'));

it('escapes cue text so a hostile article cannot add cues or tags to SRT and WebVTT', () => {
  const vtt = toWebVtt([hostile]);
  assert.equal(timingLines(vtt).length, 1, vtt);
  assert.equal(vtt.split('\n\n').length, 2, 'header and one cue, no blank line inside it');
  assert.ok(vtt.includes('a --&gt; b &lt;c.x&gt;rojo&lt;/c&gt; &amp;amp;'), vtt);

  const srt = toSrt([hostile]);
  assert.equal(timingLines(srt).length, 1, srt);
  assert.equal(srt.split('\n\n').length, 1, 'one cue, no blank line inside it');
  assert.ok(!srt.slice(srt.indexOf('\n', 2)).includes('<'), srt);
});
