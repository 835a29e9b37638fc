// The desk's data contract (src/contract/review.ts, src/contract/desk.ts): what the page and the server both
// accept and refuse, with the messages an editor reads, and edits checked against the real sample narration.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { z } from 'zod';
import { ApiErrorSchema, JOB_STATES, DeskJobLinksSchema, DeskSubmissionSchema, JobProgressSchema } from '../../src/contract/desk.ts';
import { type Narration, readNarration } from '../../src/contract/narration.ts';
import { checkEditAgainst, type ReviewEdit, ResynthesisSchema, ReviewEditSchema, StyleEditSchema } from '../../src/contract/review.ts';
import { DEFAULT_MAX_CHARS, MAX_SPEED, MIN_SPEED } from '../../src/contract/narration-limits.ts';
import { HighlightStyleSchema, NEWS_VIDEO_DEFAULTS, newsVideoSchema, SubtitlePositionSchema } from '../../remotion/NewsVideo/schema.ts';

/** The messages of a refused value, so a test fails when it is accepted or refused for another reason. */
function messages(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  assert.equal(result.success, false, `accepted ${JSON.stringify(value)}`);
  return result.error!.issues.map((issue) => issue.message);
}

function sampleNarration(): Narration {
  const { narration, problem } = readNarration(JSON.parse(readFileSync(new URL('../../public/sample/narration.json', import.meta.url), 'utf8')));
  assert.equal(problem, null);
  return narration!;
}

describe('a review edit', () => {
  it('takes each kind of change, trimming the text', () => {
    const edit = ReviewEditSchema.parse({
      revision: 3,
      sentences: [{ sentence: 1, text: '  Nuevo texto.  ' }],
      lexicon: [{ written: 'Reuters', respelling: 'róiters', caseSensitive: false }],
      title: 'Otro título',
      sectionMedia: [{ section: 0, media: null }],
      style: { fontSize: 72, highlightStyle: 'underline' },
    });
    assert.deepEqual(edit.sentences, [{ sentence: 1, text: 'Nuevo texto.' }]);
  });

  it('refuses one that changes nothing', () => {
    assert.deepEqual(messages(ReviewEditSchema, { revision: 0 }), [
      'the edit changes nothing: give sentences, lexicon, title, sectionMedia or style',
    ]);
    assert.ok(messages(ReviewEditSchema, {}).length > 0);
    assert.deepEqual(messages(ReviewEditSchema, { revision: 0, style: {} }), ['style changes nothing: set a prop or remove it']);
  });

  it('refuses an empty sentence with the fix', () => {
    assert.deepEqual(messages(ReviewEditSchema, { revision: 1, sentences: [{ sentence: 2, text: ' \n ' }] }), [
      'sentence 2 would be empty: write its text or remove the edit',
    ]);
  });

  it('refuses a lexicon entry without exactly one way of saying it', () => {
    for (const said of [{}, { respelling: 'róiters', phonemes: 'ɹˈɔɪtəɹz' }]) {
      const [message] = messages(ReviewEditSchema, { revision: 1, lexicon: [{ written: 'Reuters', caseSensitive: true, ...said }] });
      assert.equal(message, '"Reuters" needs exactly one of respelling or phonemes: keep the one you mean');
    }
    assert.ok(ReviewEditSchema.safeParse({ revision: 1, lexicon: [{ written: 'Nvidia', phonemes: 'enbˈidja', caseSensitive: true }] }).success);
  });

  it('refuses a sentence or section named twice, where one change would undo the other', () => {
    const sentence = { sentence: 1, text: 'Uno.' };
    assert.deepEqual(messages(ReviewEditSchema, { revision: 1, sentences: [sentence, { ...sentence, text: 'Dos.' }] }), [
      'sentence 1 is edited twice: keep one of its edits',
    ]);
    const section = { section: 0, media: null };
    assert.deepEqual(messages(ReviewEditSchema, { revision: 1, sectionMedia: [section, { ...section, media: 1 }] }), [
      'section 0 is given two pictures: keep one',
    ]);
  });

  it('offers only style props the composition has, in its ranges', () => {
    const editable = Object.keys(StyleEditSchema.shape) as Array<keyof typeof NEWS_VIDEO_DEFAULTS>;
    for (const prop of editable) assert.ok(prop in newsVideoSchema.shape, prop);
    const defaults = Object.fromEntries(editable.map((prop) => [prop, NEWS_VIDEO_DEFAULTS[prop]]));
    assert.deepEqual(StyleEditSchema.parse(defaults), defaults);
    assert.deepEqual(StyleEditSchema.shape.highlightStyle.unwrap().options, HighlightStyleSchema.options);
    assert.deepEqual(StyleEditSchema.shape.subtitlePosition.unwrap().options, SubtitlePositionSchema.options);
    for (const fontSize of [23, 121]) {
      assert.equal(StyleEditSchema.safeParse({ fontSize }).success, newsVideoSchema.shape.fontSize.safeParse(fontSize).success, `${fontSize}`);
    }
  });

  it('refuses a negative or fractional revision, a misspelt field and an unknown style prop', () => {
    assert.ok(messages(ReviewEditSchema, { revision: -1, title: 'x' }).length > 0);
    assert.ok(messages(ReviewEditSchema, { revision: 1.5, title: 'x' }).length > 0);
    assert.ok(messages(ReviewEditSchema, { revision: 1, titel: 'x' }).length > 0);
    assert.ok(messages(ReviewEditSchema, { revision: 1, style: { narrationSrc: 'elsewhere.json' } }).length > 0);
    assert.ok(messages(ReviewEditSchema, { revision: 1, title: '   ' }).length > 0);
  });
});

describe('an edit against the sample narration', () => {
  const narration = sampleNarration();
  const edit = (fields: Omit<ReviewEdit, 'revision'>): ReviewEdit => ReviewEditSchema.parse({ revision: 0, ...fields });

  it('passes with indices it has', () => {
    const lastSentence = narration.sentences.length - 1;
    const lastSection = narration.sections.length - 1;
    assert.equal(checkEditAgainst(narration, edit({ sentences: [{ sentence: lastSentence, text: 'Fin.' }] })), null);
    assert.equal(checkEditAgainst(narration, edit({ sectionMedia: [{ section: lastSection, media: null }] })), null);
  });

  it('names a sentence, section or picture it does not have', () => {
    const sentences = narration.sentences.length;
    const sections = narration.sections.length;
    assert.equal(
      checkEditAgainst(narration, edit({ sentences: [{ sentence: sentences, text: 'Más.' }] })),
      `sentence ${sentences} does not exist: the narration has sentences 0 to ${sentences - 1}`,
    );
    assert.equal(
      checkEditAgainst(narration, edit({ sectionMedia: [{ section: sections, media: null }] })),
      `section ${sections} does not exist: the narration has sections 0 to ${sections - 1}`,
    );
    assert.equal(narration.media.length, 0, 'the sample has no pictures');
    assert.equal(
      checkEditAgainst(narration, edit({ sectionMedia: [{ section: 0, media: 0 }] })),
      'picture 0 does not exist: the narration has none: give null for section 0 (the brand background)',
    );
  });
});

describe('a re-synthesis report', () => {
  it('counts whole passes', () => {
    assert.ok(ResynthesisSchema.safeParse({ passesSynthesized: 1, passesReused: 7 }).success);
    assert.ok(messages(ResynthesisSchema, { passesSynthesized: 0.5, passesReused: 0 }).length > 0);
  });
});

describe('a desk submission', () => {
  it('takes a URL, defaulting to review', () => {
    const submission = DeskSubmissionSchema.parse({ url: 'https://example.com/nota', formats: ['vertical'], speed: 1.1 });
    assert.equal(submission.review, true);
    assert.equal(DeskSubmissionSchema.parse({ url: 'https://example.com/nota', review: false }).review, false);
  });

  it('takes a title and text', () => {
    const submission = DeskSubmissionSchema.parse({ title: ' Título ', text: 'Primer párrafo.\n\nSegundo.', music: true });
    assert.ok('text' in submission);
    assert.equal(submission.title, 'Título');
  });

  it('refuses no source, both sources and a page that is not http(s)', () => {
    assert.deepEqual(messages(DeskSubmissionSchema, {}), ['give either { url } or { title, text }, not both']);
    assert.ok(messages(DeskSubmissionSchema, { url: 'https://example.com/', title: 'T', text: 'x' }).length > 0);
    assert.deepEqual(messages(DeskSubmissionSchema, { url: 'file:///etc/passwd' }), ['must be an http(s) URL']);
  });

  it('refuses text over the limit, naming it and the fix', () => {
    assert.deepEqual(messages(DeskSubmissionSchema, { title: 'T', text: 'a'.repeat(DEFAULT_MAX_CHARS + 1) }), [
      'the text is over the limit of 50,000 characters: split it into parts and submit each',
    ]);
    assert.ok(DeskSubmissionSchema.safeParse({ title: 'T', text: 'a'.repeat(DEFAULT_MAX_CHARS) }).success);
  });

  it('has the narrator’s limits', () => {
    assert.ok(DeskSubmissionSchema.safeParse({ url: 'https://example.com/', speed: MIN_SPEED }).success);
    assert.ok(DeskSubmissionSchema.safeParse({ url: 'https://example.com/', speed: MAX_SPEED }).success);
    assert.ok(messages(DeskSubmissionSchema, { url: 'https://example.com/', speed: MAX_SPEED + 0.1 }).length > 0);
    assert.ok(messages(DeskSubmissionSchema, { url: 'https://example.com/', formats: ['cinema'] }).length > 0);
    assert.deepEqual(messages(DeskSubmissionSchema, { url: 'https://example.com/', formats: ['square', 'square'] }), [
      'names a format twice: give each once',
    ]);
  });
});

describe('a job as the desk shows it', () => {
  it('has the nine states, the review ones among them', () => {
    assert.equal(JOB_STATES.length, 9);
    for (const state of ['awaitingReview', 'revising', 'rejected']) assert.ok((JOB_STATES as readonly string[]).includes(state), state);
  });

  it('reports progress that never passes its total', () => {
    assert.ok(JobProgressSchema.safeParse({ stage: 'rendering', done: 10, total: 300, etaMs: null }).success);
    assert.deepEqual(messages(JobProgressSchema, { stage: 'narrating', done: 5, total: 4, etaMs: 100 }), ['done must not pass total']);
    assert.ok(messages(JobProgressSchema, { stage: 'publishing', done: 0, total: 1, etaMs: null }).length > 0);
  });

  it('links only the videos rendered', () => {
    const links = {
      narration: null,
      files: '/api/jobs/a/files',
      videos: { vertical: '/api/jobs/a/files/vertical.mp4' },
      thumbnail: null,
      jobJson: null,
    };
    assert.ok(DeskJobLinksSchema.safeParse(links).success);
    assert.ok(messages(DeskJobLinksSchema, { ...links, videos: { cinema: 'x' } }).length > 0);
  });

  it('answers an error with one line', () => {
    assert.ok(ApiErrorSchema.safeParse({ error: 'job a is not awaiting review: reload it' }).success);
    assert.ok(messages(ApiErrorSchema, { message: 'x' }).length > 0);
  });
});
