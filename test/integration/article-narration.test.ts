// An article URL narrated end to end by the CLI on the real model, served by a real HTTP server on 127.0.0.1;
// and a refused article leaving nothing behind. Fetching and extraction alone are in test/unit/article.test.ts.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ArticleSchema, NarrationSchema } from '../../src/contract/narration.ts';
import { runCli } from '../helpers/env.ts';
import { send, startServer, type TestServer } from '../helpers/server.ts';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures');

describe('article narration from a URL', () => {
  let server: TestServer;

  before(async () => {
    server = await startServer({
      '/noticia': send(await readFile(path.join(FIXTURES, 'noticia-es.html')), 'text/html; charset=utf-8'),
      '/pdf': send(Buffer.from('%PDF-1.4 fake'), 'application/pdf'),
    });
  });
  after(() => server.close());

  it('narrates an article URL end to end: subtitles keep "1.250.000 €" while the voice says the words', async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'article-'));
    const result = await runCli('src/cli/narrate.ts', ['--article', server.url('/noticia'), '--out', outDir]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /voice ef_dora \(the default for es\)/);
    const narration = NarrationSchema.parse(JSON.parse(await readFile(path.join(outDir, 'narration.json'), 'utf8')));
    assert.equal(narration.article?.title, 'El Gobierno destina 1.250.000 € a renovar la red de bibliotecas');
    assert.ok(narration.text.startsWith(`${narration.article!.title}\n\n`));
    const money = narration.words.filter((word) => word.text === '1.250.000 €');
    assert.equal(money.length, 2, 'once in the title, once in the body');
    for (const word of money) assert.ok(word.endMs - word.startMs > 1000, `"1.250.000 €" said in ${word.endMs - word.startMs} ms`);
    assert.ok(narration.words.some((word) => word.text === '31/12/2026'));
    assert.ok(narration.cues.some((cue) => cue.lines.join(' ').includes('1.250.000 €')));
    assert.equal(narration.sentences[0]!.text, narration.article!.title);
    const article = ArticleSchema.parse(JSON.parse(await readFile(path.join(outDir, 'article.json'), 'utf8')));
    assert.equal(article.paragraphs.length, 4);
    assert.equal(article.byline, 'Lucía Fernández');
  });

  it('leaves nothing behind when the article is refused', async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'article-bad-'));
    const result = await runCli('src/cli/narrate.ts', ['--article', server.url('/pdf'), '--out', outDir]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^error: .*not an HTML page/);
    assert.deepEqual(await readdir(outDir), []);
  });
});
