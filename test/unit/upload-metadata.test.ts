// Upload metadata, pure: YouTube's chapter rules and publish.json built from the bundled sample narration.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { NarrationSchema } from '../../src/contract/narration.ts';
import { PublishRecordSchema } from '../../src/contract/publish.ts';
import { chapterTimestamp, chapterTitle, chaptersOf } from '../../src/platform/chapters.ts';
import { publishRecord } from '../../src/platform/publish-record.ts';
import { PROJECT_ROOT } from '../../src/system/project-root.ts';

const section = (text: string, seconds: number) => ({ text, startMs: seconds * 1000 });

describe('chapters', () => {
  it('writes timestamps as YouTube reads them', () => {
    assert.equal(chapterTimestamp(0), '0:00');
    assert.equal(chapterTimestamp(65_400), '1:05');
    assert.equal(chapterTimestamp(3_725_000), '1:02:05');
  });

  it('titles a chapter with the opening words of its section, cut at a word', () => {
    assert.equal(chapterTitle('El Gobierno aprueba\nla ley'), 'El Gobierno aprueba la ley');
    const long = chapterTitle('La Comisión Europea ha presentado este martes un plan para reducir las emisiones de metano');
    assert.ok(long.length <= 60, long);
    assert.match(long, /^La Comisión Europea ha presentado este martes un plan para…$/);
  });

  it('starts at 0:00 and joins sections shorter than ten seconds to the chapter before', () => {
    const chapters = chaptersOf([section('Titular', 0.4), section('Uno', 4), section('Dos', 12), section('Tres', 19), section('Cuatro', 31)], 45_000);
    assert.deepEqual(
      chapters.map((chapter) => [chapter.timestamp, chapter.title]),
      [
        ['0:00', 'Titular'],
        ['0:12', 'Dos'],
        ['0:31', 'Cuatro'],
      ],
    );
  });

  it('drops a last chapter under ten seconds, and gives none when fewer than three remain', () => {
    assert.equal(chaptersOf([section('A', 0), section('B', 15), section('C', 30)], 35_000).length, 0);
    assert.equal(chaptersOf([section('A', 0), section('B', 15), section('C', 30)], 40_000).length, 3);
    assert.deepEqual(chaptersOf([section('A', 0), section('B', 5)], 120_000), []);
  });
});

describe('publish.json', () => {
  const narration = NarrationSchema.parse(JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'public/sample/narration.json'), 'utf8')));
  const videoMs = narration.audio.durationMs + 4000;
  const record = publishRecord(narration, [{ format: 'vertical', file: 'video-vertical.mp4', cover: 'thumbnail-vertical.jpg' }], videoMs);

  it('holds the title, the disclosure in the narration language and the duration; a 17 s video of two sections gets no chapters', () => {
    PublishRecordSchema.parse(record);
    assert.equal(record.title, narration.article?.title);
    assert.equal(record.language, 'es');
    assert.equal(record.syntheticVoice.disclosure, 'Narración con voz sintética (Kokoro-82M), generada por inteligencia artificial.');
    assert.equal(record.syntheticVoice.voice, narration.voice);
    assert.equal(record.durationSeconds, videoMs / 1000);
    assert.deepEqual(record.chapters, []);
    assert.doesNotMatch(record.description, /^\d+:\d\d /m);
  });

  it('lists the chapters of a longer narration in the description, one per line, the disclosure last', () => {
    const sections = [0, 14, 29, 47].map((seconds, index) => ({ ...narration.sections[0]!, text: `Sección ${index}`, startMs: seconds * 1000 }));
    const long = publishRecord({ ...narration, sections }, [], 64_000);
    assert.deepEqual(
      long.chapters.map((chapter) => `${chapter.timestamp} ${chapter.title}`),
      ['0:00 Sección 0', '0:14 Sección 1', '0:29 Sección 2', '0:47 Sección 3'],
    );
    const lines = long.description.split('\n');
    assert.equal(lines[0], long.title);
    for (const chapter of long.chapters) assert.ok(lines.includes(`${chapter.timestamp} ${chapter.title}`), chapter.title);
    assert.equal(lines.at(-1), long.syntheticVoice.disclosure);
  });

  it('links the full story only when the article came from the web', () => {
    assert.equal(record.sourceUrl, null);
    const fromWeb = { ...narration, article: { ...narration.article!, sourceUrl: 'https://example.com/noticia', excerpt: 'Un resumen.' } };
    const withLink = publishRecord(fromWeb, [], videoMs);
    assert.equal(withLink.sourceUrl, 'https://example.com/noticia');
    assert.match(withLink.description, /\n\nUn resumen\.\n\nNoticia completa en https:\/\/example\.com\/noticia\n\n/);
  });
});
