// narration.json v2's structure (pure): word -> sentence/phrase/cue/section indices, sections, the
// @remotion/captions export, the version check, whole-folder publishing, and render flag parsing.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createTikTokStyleCaptions } from '@remotion/captions';
import { readNarration } from '../../src/contract/narration.ts';
import { toRemotionCaptions } from '../../src/captions/remotion-captions.ts';
import { publishFolder } from '../../src/output/publish.ts';
import { splitAtBreaks } from '../../src/text/packing.ts';
import { containingSpanIndex, runIndexOfEach, sectionRuns, sectionSpans, wordIndices } from '../../src/narration/structure.ts';
import { syntheticWords } from '../helpers/words.ts';

const TEXT = 'Titular breve\n\nPrimera frase aquí. Segunda, con coma.\n\nOtro párrafo.';

function timedWords() {
  const words = syntheticWords(TEXT).map((word, index) => ({ ...word, startMs: index * 300, endMs: index * 300 + 250 }));
  // The synthetic helper knows no line breaks: mark the blank lines as the phonemizer does.
  for (const word of words) if (/\n\s*\n/.test(TEXT.slice(word.charEnd, word.charEnd + 3))) word.breakAfter = 'paragraph';
  return words;
}

describe('narration structure', () => {
  it('numbers each word by the run that holds it', () => {
    assert.deepEqual(runIndexOfEach([['a', 'b'], ['c'], ['d', 'e', 'f']]), [0, 0, 1, 2, 2, 2]);
  });

  it('finds the span that holds each word by its characters, and refuses a word outside every span', () => {
    const words = timedWords();
    const spans = [
      { charStart: 0, charEnd: 13 },
      { charStart: 15, charEnd: 53 },
      { charStart: 55, charEnd: TEXT.length },
    ];
    assert.deepEqual(containingSpanIndex(words, spans), [0, 0, 1, 1, 1, 1, 1, 1, 2, 2]);
    assert.throws(() => containingSpanIndex(words, spans.slice(0, 2)), /no span holds the word/);
  });

  it('makes the title and paragraph sections from blank lines, with their times', () => {
    const words = timedWords();
    const sections = sectionSpans(TEXT, sectionRuns(words), true);
    assert.deepEqual(
      sections.map((section) => [section.kind, section.text, section.startMs, section.endMs]),
      [
        ['title', 'Titular breve', 0, 550],
        ['paragraph', 'Primera frase aquí. Segunda, con coma.', 600, 2350],
        ['paragraph', 'Otro párrafo.', 2400, 2950],
      ],
    );
    assert.equal(sectionSpans(TEXT, sectionRuns(words), false)[0]!.kind, 'paragraph');
  });

  it('gives every word its sentence, phrase, cue and section', () => {
    const words = timedWords();
    const sentences = splitAtBreaks(words, 'sentence');
    const indices = wordIndices(words, { sentences, phrases: sentences, sections: sectionRuns(words) }, [
      { charStart: 0, charEnd: 34 },
      { charStart: 35, charEnd: TEXT.length },
    ]);
    assert.deepEqual(
      indices.map((index) => index.sentence),
      [0, 0, 1, 1, 1, 2, 2, 2, 3, 3],
    );
    assert.deepEqual(
      indices.map((index) => index.section),
      [0, 0, 1, 1, 1, 1, 1, 1, 2, 2],
    );
    assert.deepEqual(
      indices.map((index) => index.cue),
      [0, 0, 0, 0, 0, 1, 1, 1, 1, 1],
    );
  });

  it('exports words as @remotion/captions Caption[] that createTikTokStyleCaptions pages by word', () => {
    const words = timedWords().map((word) => ({
      text: word.text,
      startMs: word.startMs,
      endMs: word.endMs,
      charStart: word.charStart,
      charEnd: word.charEnd,
    }));
    const captions = toRemotionCaptions(words);
    assert.equal(captions[0]!.text, 'Titular');
    assert.ok(captions.slice(1).every((caption) => caption.text.startsWith(' ')));
    const { pages } = createTikTokStyleCaptions({ captions, combineTokensWithinMilliseconds: 1000 });
    const pagedWords = pages.flatMap((page) => page.tokens.map((token) => token.text.trim()));
    assert.deepEqual(
      pagedWords,
      words.map((word) => word.text),
    );
  });

  it('says why a narration.json from version 1 or with a broken field cannot be used', () => {
    assert.match(readNarration({ version: 1, text: 'x' }).problem ?? '', /narration version 1.*reads versions 2 to 4; narrate the article again/);
    assert.match(readNarration({ version: 3, text: 'x' }).problem ?? '', /does not match the narration schema/);
    assert.match(readNarration({ version: 2, text: 'x' }).problem ?? '', /does not match the narration schema/);
  });
});

describe('publishFolder', () => {
  it('replaces the whole folder, so no file of an earlier run stays beside the new ones', async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'publish-'));
    const target = path.join(parent, 'out');
    await publishFolder(target, (folder) => writeFile(path.join(folder, 'old.txt'), 'old'));
    await publishFolder(target, (folder) => writeFile(path.join(folder, 'new.txt'), 'new'));
    assert.deepEqual(await readdir(target), ['new.txt']);
    assert.deepEqual(await readdir(parent), ['out']);
  });

  it('leaves the earlier folder untouched and nothing else when the build fails', async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'publish-'));
    const target = path.join(parent, 'out');
    await publishFolder(target, (folder) => writeFile(path.join(folder, 'done.txt'), 'v1'));
    await assert.rejects(
      publishFolder(target, async (folder) => {
        await writeFile(path.join(folder, 'half.txt'), 'half');
        throw new Error('synthesis failed');
      }),
      /synthesis failed/,
    );
    assert.deepEqual(await readdir(parent), ['out']);
    assert.equal(await readFile(path.join(target, 'done.txt'), 'utf8'), 'v1');
  });

  it("removes a killed run's temporary folder on the next run", async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'publish-'));
    const target = path.join(parent, 'out');
    // A process id that cannot be alive (above Linux's pid_max), as a killed run's leftover would carry.
    const leftover = path.join(parent, '.out.4194999.0123abcd.partial');
    await mkdir(leftover);
    await publishFolder(target, (folder) => writeFile(path.join(folder, 'video.mp4'), 'x'));
    assert.equal(existsSync(leftover), false);
    assert.deepEqual(await readdir(parent), ['out']);
  });
});
