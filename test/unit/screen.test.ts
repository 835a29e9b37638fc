// The pure screen function of the NewsVideo composition: which card, which subtitle page and which word is lit at
// each frame. Narrations are built here from a short script with known times, plus the committed sample that the
// product itself made (public/sample), so every expectation is derived from the input, never copied from output.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { NarrationSchema, type Narration, readNarration } from '../../src/contract/narration.ts';
import {
  DEFAULT_LAYOUT,
  firstFrameAt,
  screenAt,
  screenKey,
  thumbnailFrame,
  videoFrames,
  wordMidpointFrame,
  type ScreenState,
} from '../../remotion/NewsVideo/screen.ts';
import { cuePages, lineLength } from '../../remotion/NewsVideo/pages.ts';
import { wordRangeAround, type TextLine } from '../../remotion/NewsVideo/text-parts.ts';

interface Script {
  title?: string;
  paragraphs: string[];
  wordMs?: number;
  gapMs?: number;
  /** Silence between sections, as Kokoro leaves between paragraphs. */
  sectionGapMs?: number;
  wordsPerCue?: number;
  tailMs?: number;
}

const WORD = /[^\s.,;:¿?¡!«»]+/gu;
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * A schema-valid narration of `script`: words back to back with fixed gaps, cues of a few words, two lines when long;
 * written as version 2 and read as the product reads it, so each word's breakAfter comes from the upgrade's rule.
 */
function narrationOf(script: Script): Narration {
  const { wordMs = 300, gapMs = 50, sectionGapMs = 500, wordsPerCue = 6, tailMs = 300 } = script;
  const blocks = [
    ...(script.title ? [{ kind: 'title' as const, text: script.title }] : []),
    ...script.paragraphs.map((text) => ({ kind: 'paragraph' as const, text })),
  ];
  const text = blocks.map((block) => block.text).join('\n\n');
  const words: Array<Omit<Narration['words'][number], 'breakAfter'>> = [];
  const sections: Array<Omit<Narration['sections'][number], 'media'>> = [];
  const cues: Narration['cues'] = [];
  let time = 200;
  let blockStart = 0;
  blocks.forEach((block, section) => {
    const sectionWords = [...block.text.matchAll(WORD)].map((match) => ({
      text: match[0],
      charStart: blockStart + match.index,
      charEnd: blockStart + match.index + match[0].length,
    }));
    const firstWord = words.length;
    for (const [position, word] of sectionWords.entries()) {
      words.push({
        ...word,
        startMs: time,
        endMs: time + wordMs,
        frameStartMs: time,
        frameEndMs: time + wordMs,
        sentence: section,
        phrase: section,
        section,
        cue: cues.length + Math.floor(position / wordsPerCue),
      });
      time += wordMs + gapMs;
    }
    for (let first = firstWord; first < words.length; first += wordsPerCue) {
      const cueWords = words.slice(first, Math.min(words.length, first + wordsPerCue));
      let charEnd = cueWords.at(-1)!.charEnd;
      while (charEnd < blockStart + block.text.length && !/\s/.test(text[charEnd]!)) charEnd++; // trailing punctuation
      const charStart = cueWords[0]!.charStart;
      const half = Math.ceil(cueWords.length / 2);
      const lines =
        cueWords.length > 3
          ? [collapse(text.slice(charStart, cueWords[half]!.charStart)), collapse(text.slice(cueWords[half]!.charStart, charEnd))]
          : [collapse(text.slice(charStart, charEnd))];
      cues.push({ startMs: cueWords[0]!.startMs, endMs: cueWords.at(-1)!.endMs, lines, charStart, charEnd });
    }
    const mine = words.slice(firstWord);
    sections.push({
      kind: block.kind,
      text: block.text,
      startMs: mine[0]!.startMs,
      endMs: mine.at(-1)!.endMs,
      charStart: blockStart,
      charEnd: blockStart + block.text.length,
    });
    time += sectionGapMs;
    blockStart += block.text.length + 2;
  });
  const durationMs = words.at(-1)!.endMs + tailMs;
  const spans = sections.map(({ kind: _kind, ...span }) => span);
  const { narration, problem } = readNarration({
    version: 2,
    text,
    language: 'es',
    locale: 'es-ES',
    voice: 'ef_dora',
    speed: 1,
    timing: 'exact',
    audio: { file: 'audio.mp3', sampleRate: 24000, durationMs },
    files: { captions: 'captions.json', srt: 'captions.srt', vtt: 'captions.vtt', timestamps: 'timestamps.json' },
    words,
    phrases: spans,
    sentences: spans,
    sections,
    cues,
    chunks: [{ startMs: 0, endMs: durationMs, charStart: 0, charEnd: text.length, tokenCount: 100 }],
    run: {
      id: 'test',
      createdAt: '2026-11-25T08:00:00.000Z',
      source: { kind: 'text', location: null },
      model: { file: 'model.onnx', sha256: '0'.repeat(64) },
      productVersion: '0.0.0',
    },
  });
  if (problem !== null) throw new Error(problem);
  return narration;
}

const lineText = (line: TextLine) => line.map((part) => part.text).join('');
const subtitles = (state: ScreenState) => {
  assert.equal(state.card, 'subtitles');
  return state as Extract<ScreenState, { card: 'subtitles' }>;
};

const news = narrationOf({
  title: 'La biblioteca abre de noche',
  paragraphs: ['El horario se amplía desde el lunes, hasta las once. ¿Bastará con tres horas más?', 'Los estudiantes «creen» que sí.'],
});
const FPS_CHOICES = [25, 30, 60];
/** The screen of a narrow format: cues cut into pages of lines of at most 22 characters (vertical at 64 px). */
const PAGED = { ...DEFAULT_LAYOUT, maxLineChars: 22 };
const LAYOUTS = [DEFAULT_LAYOUT, PAGED];

describe('cards', () => {
  test('the title card shows from frame 0 until the first word of the body starts, then subtitles, then the closing card', () => {
    for (const fps of FPS_CHOICES) {
      const bodyStart = firstFrameAt(news.words.find((word) => word.section === 1)!.startMs, fps);
      const closingStart = firstFrameAt(news.audio.durationMs, fps);
      assert.equal(screenAt(0, fps, news, DEFAULT_LAYOUT).state.card, 'title');
      assert.equal(screenAt(bodyStart - 1, fps, news, DEFAULT_LAYOUT).state.card, 'title');
      assert.equal(screenAt(bodyStart, fps, news, DEFAULT_LAYOUT).state.card, 'subtitles');
      assert.equal(screenAt(closingStart - 1, fps, news, DEFAULT_LAYOUT).state.card, 'subtitles');
      assert.equal(screenAt(closingStart, fps, news, DEFAULT_LAYOUT).state.card, 'closing');
      const total = videoFrames(news, fps, DEFAULT_LAYOUT);
      assert.equal(total, closingStart + DEFAULT_LAYOUT.closingSeconds * fps);
      assert.equal(screenAt(total - 1, fps, news, DEFAULT_LAYOUT).state.card, 'closing');
    }
  });

  test('the title card carries the title as parts, the spoken title word lit', () => {
    const fps = 30;
    const third = news.words[2]!;
    const state = screenAt(firstFrameAt(third.startMs, fps), fps, news, DEFAULT_LAYOUT).state;
    assert.equal(state.card, 'title');
    if (state.card !== 'title') return;
    assert.equal(lineText(state.title), news.sections[0]!.text);
    assert.equal(state.litWord, 2);
  });

  test('without a title the video opens on the subtitles, with no word lit before the first one starts', () => {
    const plain = narrationOf({ paragraphs: ['Hola a todos, buenas noches.'] });
    const state = subtitles(screenAt(0, 30, plain, DEFAULT_LAYOUT).state);
    assert.equal(state.litWord, null);
    assert.deepEqual(state.lines, []);
    assert.equal(screenAt(0, 30, plain, DEFAULT_LAYOUT).motion.fade, 1);
  });
});

describe('the lit word', () => {
  test('each word is lit from its first frame until the next word starts, gaps included: no frame without a lit word', () => {
    for (const fps of FPS_CHOICES) {
      const bodyStart = firstFrameAt(news.words.find((word) => word.section === 1)!.startMs, fps);
      const closingStart = firstFrameAt(news.audio.durationMs, fps);
      for (let frame = bodyStart; frame < closingStart; frame++) {
        const expected = news.words.findLastIndex((word) => firstFrameAt(word.startMs, fps) <= frame);
        for (const layout of LAYOUTS)
          assert.equal(subtitles(screenAt(frame, fps, news, layout).state).litWord, expected, `frame ${frame} at ${fps} fps`);
      }
    }
  });

  test('a frame in the silence between two words keeps the earlier word lit', () => {
    const fps = 60;
    const word = news.words[5]!;
    const inGap = firstFrameAt(word.endMs, fps) + 1;
    assert.ok(inGap < firstFrameAt(news.words[6]!.startMs, fps), 'the test narration leaves a gap of several frames');
    assert.equal(subtitles(screenAt(inGap, fps, news, DEFAULT_LAYOUT).state).litWord, 5);
  });

  test('wordMidpointFrame is a frame where that word is lit, near the middle of its audio', () => {
    for (const fps of FPS_CHOICES) {
      for (const [index, word] of news.words.entries()) {
        const frame = wordMidpointFrame(news, index, fps);
        const state = screenAt(frame, fps, news, DEFAULT_LAYOUT).state;
        assert.ok(state.card !== 'closing');
        assert.equal(state.litWord, index);
        assert.ok(Math.abs((frame * 1000) / fps - (word.startMs + word.endMs) / 2) <= 1000 / fps);
      }
    }
  });

  test('a word the next one replaces within the same frame is never lit, and wordMidpointFrame says so', () => {
    // At 25 fps a frame lasts 40 ms: words starting at 200, 210, 220 and 230 ms fall in frames 5, 6, 6 and 6.
    const crowded = narrationOf({ paragraphs: ['uno dos tres cuatro'], wordMs: 10, gapMs: 0 });
    assert.equal(wordMidpointFrame(crowded, 0, 25), 5);
    assert.throws(() => wordMidpointFrame(crowded, 1, 25), /never lit at 25 fps/);
    assert.equal(subtitles(screenAt(6, 25, crowded, DEFAULT_LAYOUT).state).litWord, 3);
    assert.throws(() => wordMidpointFrame(crowded, 99, 25), /has no word 99/);
  });
});

describe('subtitle pages', () => {
  test("the page is the lit word's cue, its lines read exactly as the cue's lines, punctuation never highlighted", () => {
    const fps = 30;
    for (const [index, word] of news.words.entries()) {
      if (word.section === 0) continue;
      const state = subtitles(screenAt(wordMidpointFrame(news, index, fps), fps, news, DEFAULT_LAYOUT).state);
      assert.equal(state.cue, word.cue);
      const cue = news.cues[word.cue]!;
      assert.deepEqual(state.lines.map(lineText), cue.lines);
      const partWords = state.lines.flat().flatMap((part) => (part.word === null ? [] : [part.word]));
      assert.deepEqual(
        partWords,
        news.words.flatMap((other, otherIndex) => (other.cue === word.cue ? [otherIndex] : [])),
      );
      for (const part of state.lines.flat()) {
        if (part.word !== null) assert.equal(part.text, news.words[part.word]!.text);
        else assert.match(part.text, /^[\s.,;:¿?¡!«»]+$/u);
      }
    }
  });

  test('a cue whose lines do not match the text exactly is still cut into two lines near the given sizes', () => {
    const narration = structuredClone(news);
    const cueIndex = narration.words.find((word) => word.section === 1)!.cue;
    const cue = narration.cues[cueIndex]!;
    cue.lines = [`${cue.lines[0]!.toUpperCase()} `, cue.lines[1]!];
    const first = narration.words.findIndex((word) => word.cue === cueIndex);
    const state = subtitles(screenAt(wordMidpointFrame(narration, first, 30), 30, narration, DEFAULT_LAYOUT).state);
    assert.deepEqual(state.lines.map(lineText), news.cues[cueIndex]!.lines);
  });
});

describe('pages of a narrow screen', () => {
  /** The words of each page, as text, for every cue of a narration. */
  const pagesOf = (narration: Narration, maxLineChars: number) =>
    narration.cues.map((cue, cueIndex) =>
      cuePages(
        narration,
        cue,
        wordRangeAround(
          narration,
          narration.words.findIndex((word) => word.cue === cueIndex),
          'cue',
        ),
        maxLineChars,
      ),
    );
  const long = narrationOf({
    paragraphs: [
      'Las autoridades regionales anunciaron anoche, tras una reunión extraordinaria, que las indemnizaciones por los daños se abonarán durante las próximas semanas.',
      'El Ayuntamiento de Valencia-Sur confirmó la noticia. Nadie sabe cuándo llegará el dinero, pero los agricultores esperan que sí.',
    ],
    wordsPerCue: 14,
  });

  test('a cue is cut into pages of one or two lines of at most N characters that read, in order, as the cue', () => {
    for (const maxLineChars of [16, 22, 24, 30]) {
      for (const [cueIndex, pages] of pagesOf(long, maxLineChars).entries()) {
        const cue = long.cues[cueIndex]!;
        assert.equal(pages.flatMap((page) => page.lines.map(lineText)).join(' '), cue.lines.join(' '));
        const cueWords = wordRangeAround(
          long,
          long.words.findIndex((word) => word.cue === cueIndex),
          'cue',
        );
        assert.equal(pages[0]!.words.first, cueWords.first);
        assert.equal(pages.at(-1)!.words.last, cueWords.last);
        for (const [index, page] of pages.entries()) {
          if (index > 0) assert.equal(page.words.first, pages[index - 1]!.words.last + 1);
          assert.ok(page.lines.length >= 1 && page.lines.length <= 2);
          const pageWords = page.lines.flat().flatMap((part) => (part.word === null ? [] : [part.word]));
          assert.deepEqual(
            pageWords,
            Array.from({ length: page.words.last - page.words.first + 1 }, (_, offset) => page.words.first + offset),
          );
          for (const line of page.lines) {
            const words = line.filter((part) => part.word !== null);
            assert.ok(lineLength(line) <= maxLineChars || words.length === 1, `"${lineText(line)}" is longer than ${maxLineChars}`);
          }
        }
      }
    }
  });

  test('a word longer than the limit gets a line of its own; «¿ stay with the word they open', () => {
    const narration = narrationOf({ paragraphs: ['Dijeron «internacionalización» y luego ¿quién lo paga?'], wordsPerCue: 10 });
    const lines = pagesOf(narration, 12)[0]!.flatMap((page) => page.lines.map(lineText));
    assert.ok(lines.includes('«internacionalización»'), lines.join(' | '));
    for (const line of lines) assert.doesNotMatch(line, /[«¿]$/u);
  });

  test('pages and lines are cut after punctuation when a cut of the same page count elsewhere would also fit', () => {
    // Two pages either way: "El alcalde dimitió ayer. / Los vecinos celebraron" + "la noticia en la plaza" also fits 24.
    const twoSentences = narrationOf({ paragraphs: ['El alcalde dimitió ayer. Los vecinos celebraron la noticia en la plaza'], wordsPerCue: 12 });
    assert.ok('Los vecinos celebraron'.length <= 24 && 'la noticia en la plaza'.length <= 24, 'the case is real: the other layout fits');
    const pages = pagesOf(twoSentences, 24)[0]!;
    assert.deepEqual(
      pages.map((page) => page.lines.map(lineText).join(' ')),
      ['El alcalde dimitió ayer.', 'Los vecinos celebraron la noticia en la plaza'],
    );
    // One page either way: "Llegó tarde, pero" + "nadie lo notó" also fits 22.
    const clause = narrationOf({ paragraphs: ['Llegó tarde, pero nadie lo notó'], wordsPerCue: 12 });
    assert.ok('Llegó tarde, pero'.length <= 22, 'the case is real: the other layout fits');
    assert.deepEqual(
      pagesOf(clause, 22)[0]!.flatMap((page) => page.lines.map(lineText)),
      ['Llegó tarde,', 'pero nadie lo notó'],
    );
  });

  test('no line is one short word when another layout avoids it', () => {
    // At 13 characters, fewest pages and even lines alone would leave "abre" on a line by itself; "municipal abre"
    // (14) does not fit, but "abre por la" does, so the stranded word is avoidable.
    const narration = narrationOf({ paragraphs: ['La biblioteca municipal abre por la noche'], wordsPerCue: 10 });
    const pages = pagesOf(narration, 13)[0]!;
    const lines = pages.flatMap((page) => page.lines);
    for (const line of lines) {
      const words = line.filter((part) => part.word !== null);
      assert.ok(words.length > 1 || words[0]!.text.length > 4, pages.map((page) => page.lines.map(lineText).join(' / ')).join(' | '));
    }
  });

  test('no line ends on a word of one to three letters (an article or preposition) when another layout avoids it', () => {
    const narration = narrationOf({ paragraphs: ['durante las próximas semanas a todos los agricultores afectados.'], wordsPerCue: 12 });
    const lines = pagesOf(narration, 24)[0]!.flatMap((page) => page.lines.map(lineText));
    for (const line of lines) assert.doesNotMatch(line, /(^|\s)\p{L}{1,3}$/u, lines.join(' | '));
  });

  test("on a paged screen each page shows from its first word's start, and the lit word is always on it", () => {
    for (const fps of FPS_CHOICES) {
      const pages = pagesOf(long, PAGED.maxLineChars);
      for (let frame = 0; frame < videoFrames(long, fps, PAGED); frame++) {
        const state = screenAt(frame, fps, long, PAGED).state;
        if (state.card !== 'subtitles' || state.litWord === null) continue;
        const page = pages[state.cue!]![state.page!]!;
        assert.ok(page.words.first <= state.litWord && state.litWord <= page.words.last);
        assert.deepEqual(state.lines, page.lines);
        const pageStart = firstFrameAt(long.words[page.words.first]!.startMs, fps);
        assert.ok(frame >= pageStart);
        // The page before this frame's page is shown until exactly this page's first frame.
        if (frame === pageStart && frame > 0) assert.notDeepEqual(subtitles(screenAt(frame - 1, fps, long, PAGED).state).lines, state.lines);
      }
    }
  });
});

describe('keys and motion', () => {
  test('frames with the same key have the same state, and the key changes exactly when the lit word, page or card does', () => {
    const fps = 30;
    for (const layout of LAYOUTS) {
      const total = videoFrames(news, fps, layout);
      let previous = screenAt(0, fps, news, layout).state;
      let changes = 0;
      for (let frame = 1; frame < total; frame++) {
        const state = screenAt(frame, fps, news, layout).state;
        const sameKey = screenKey(state) === screenKey(previous);
        assert.equal(sameKey, JSON.stringify(state) === JSON.stringify(previous), `frame ${frame}`);
        if (!sameKey) changes++;
        previous = state;
      }
      // One change per word after the first (title word 0 is lit only after frame 0), plus the closing card.
      assert.equal(changes, news.words.length + 1);
    }
  });

  test('the state is plain data: it survives JSON unchanged', () => {
    for (const frame of [0, 40, 120, videoFrames(news, 30, DEFAULT_LAYOUT) - 1]) {
      const { state } = screenAt(frame, 30, news, DEFAULT_LAYOUT);
      assert.deepEqual(JSON.parse(JSON.stringify(state)), state);
    }
  });

  test('the body fades in over fadeSeconds, progress follows the audio', () => {
    const fps = 30;
    const bodyStart = firstFrameAt(news.words.find((word) => word.section === 1)!.startMs, fps);
    const fadeFrames = DEFAULT_LAYOUT.fadeSeconds * fps;
    const at = (frame: number) => screenAt(frame, fps, news, DEFAULT_LAYOUT).motion;
    assert.equal(at(0).fade, 1);
    assert.ok(at(bodyStart).fade > 0 && at(bodyStart).fade < 1);
    assert.ok(at(bodyStart + 1).fade > at(bodyStart).fade);
    assert.equal(at(bodyStart + fadeFrames - 1).fade, 1);
    const closingStart = firstFrameAt(news.audio.durationMs, fps);
    assert.equal(at(0).progress, 0);
    assert.ok(Math.abs(at(Math.round(closingStart / 2)).progress - 0.5) < 0.01);
    assert.equal(at(closingStart).progress, 1);
    assert.ok(at(closingStart).fade < 1);
  });
});

describe('thumbnail', () => {
  test('the thumbnail frame shows the title card; without a title, the first page with its first word lit', () => {
    assert.equal(screenAt(thumbnailFrame(news, 30), 30, news, DEFAULT_LAYOUT).state.card, 'title');
    const plain = narrationOf({ paragraphs: ['Hola a todos, buenas noches.'] });
    const state = subtitles(screenAt(thumbnailFrame(plain, 30), 30, plain, DEFAULT_LAYOUT).state);
    assert.equal(state.litWord, 0);
  });
});

describe('the committed sample narration (made by the product)', () => {
  const sample = NarrationSchema.parse(JSON.parse(readFileSync(new URL('../../public/sample/narration.json', import.meta.url), 'utf8')));

  test('every frame of the body shows a page that reads as its cue, and every word is lit somewhere at 30 fps', () => {
    const fps = 30;
    const lit = new Set<number>();
    for (let frame = 0; frame < videoFrames(sample, fps, DEFAULT_LAYOUT); frame++) {
      const { state } = screenAt(frame, fps, sample, DEFAULT_LAYOUT);
      if (state.card === 'closing') continue;
      if (state.litWord !== null) lit.add(state.litWord);
      if (state.card === 'subtitles' && state.cue !== null) assert.deepEqual(state.lines.map(lineText), sample.cues[state.cue]!.lines);
      if (state.card === 'title') assert.equal(lineText(state.title), sample.sections.find((section) => section.kind === 'title')!.text);
    }
    assert.equal(lit.size, sample.words.length);
  });
});
