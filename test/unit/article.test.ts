// Article ingestion against real pages (Mozilla Readability's test pages, and Spanish pages made for the
// edge cases), served by a real HTTP server on 127.0.0.1: fetch, charset, extraction, metadata, language.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import { send, startServer, type TestServer } from '../helpers/server.ts';
import { loadArticle, articleFromText } from '../../src/article/load.ts';
import { extractArticle } from '../../src/article/extract.ts';
import { USER_AGENT } from '../../src/article/fetch.ts';
import { PROJECT_ROOT } from '../../src/system/project-root.ts';

const READABILITY_PAGES = path.resolve(PROJECT_ROOT, '../shared/fixtures/readability');
const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures');
const PAGES = ['folha', 'guardian-1', 'lemonde-1', 'wikipedia'];
const BOILERPLATE = /^(lee también|suscríbete|compartir|read more|sign up|share|leia também|lire aussi)|clockwise from|\[\d+\]|\[edit\]/i;

describe('article ingestion over HTTP', () => {
  let server: TestServer;
  const html = 'text/html; charset=utf-8';

  before(async () => {
    const routes: Parameters<typeof startServer>[0] = {};
    for (const page of PAGES) routes[`/${page}`] = send(await readFile(path.join(READABILITY_PAGES, page, 'source.html')), html);
    const fixture = (name: string) => readFile(path.join(FIXTURES, name));
    routes['/noticia'] = send(await fixture('noticia-es.html'), html);
    // The same page as ISO-8859-1 bytes (no € in Latin-1), declared by the HTTP header or by its <meta> alone.
    const latin1 = Buffer.from(
      (await fixture('noticia-es.html'))
        .toString('utf8')
        .replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">')
        .replaceAll('€', 'euros'),
      'latin1',
    );
    routes['/latin1-header'] = send(latin1, 'text/html; charset=ISO-8859-1');
    routes['/latin1-meta'] = send(latin1, 'text/html');
    routes['/muro'] = send(await fixture('muro-de-pago.html'), html);
    routes['/aleman'] = send(await fixture('articulo-aleman.html'), html);
    routes['/vacia'] = send('<html><body><nav><a href="/">Inicio</a></nav></body></html>', html);
    routes['/pdf'] = send(Buffer.from('%PDF-1.4 fake'), 'application/pdf');
    routes['/imagen'] = send(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png');
    routes['/error'] = send('<h1>Error</h1>', html, 500);
    routes['/enorme'] = send(`<html><body>${'<p>relleno</p>'.repeat(600_000)}</body></html>`, html);
    routes['/redirige'] = (_request, response) => response.writeHead(301, { location: '/redirige-2' }).end();
    routes['/redirige-2'] = (_request, response) => response.writeHead(302, { location: '/noticia' }).end();
    routes['/lenta'] = () => undefined;
    // Headers and the first bytes arrive, then the body stalls.
    routes['/a-medias'] = (_request, response) => {
      response.writeHead(200, { 'content-type': html, 'content-length': '100000' });
      response.write('<html><body><article><p>El Gobierno aprobó');
    };
    server = await startServer(routes);
  });
  after(() => server.close());

  for (const page of PAGES) {
    it(`extracts ${page} with the metadata Readability expects and a clean body`, async () => {
      const expected = JSON.parse(await readFile(path.join(READABILITY_PAGES, page, 'expected-metadata.json'), 'utf8'));
      const article = await loadArticle(server.url(`/${page}`));
      assert.equal(article.title, expected.title);
      assert.equal(article.excerpt, expected.excerpt);
      assert.equal(article.byline, expected.byline);
      assert.equal(article.siteName, expected.siteName);
      assert.ok(article.paragraphs.length >= 5);
      for (const paragraph of article.paragraphs) {
        assert.doesNotMatch(paragraph, BOILERPLATE);
        assert.notEqual(paragraph, article.title);
      }
      assert.ok(article.leadImageUrl?.startsWith('http'), `lead image ${article.leadImageUrl}`);
    });
  }

  it('tells the language of each page and picks its voice', async () => {
    assert.equal((await loadArticle(server.url('/folha'))).language, 'pt-br');
    assert.equal((await loadArticle(server.url('/lemonde-1'))).language, 'fr');
    assert.equal((await loadArticle(server.url('/guardian-1'))).language, 'en-us');
  });

  it('reads a Spanish page: metadata, clean paragraphs, no script run, a clear User-Agent', async () => {
    const article = await loadArticle(server.url('/noticia'));
    assert.equal(article.title, 'El Gobierno destina 1.250.000 € a renovar la red de bibliotecas');
    assert.equal(article.language, 'es');
    assert.equal(article.siteName, 'Diario de Prueba');
    assert.equal(article.byline, 'Lucía Fernández');
    assert.equal(article.publishedTime, '2026-11-24T09:30:00+01:00');
    assert.equal(article.canonicalUrl, 'https://diario.example/cultura/bibliotecas-renovacion');
    assert.equal(article.leadImageUrl, server.url('/img/biblioteca-grande.jpg'));
    assert.equal(article.paragraphs.length, 4);
    assert.match(article.paragraphs[0]!, /^El Gobierno aprobó ayer una partida de 1\.250\.000 €/);
    const body = article.paragraphs.join('\n');
    assert.doesNotMatch(body, /Lee también|Suscríbete|Compartir|Sala de lectura de la biblioteca|SCRIPT EJECUTADO|derechos reservados|Por Lucía/);
    assert.ok(server.userAgents.includes(USER_AGENT));
  });

  it('has a script in the Spanish page that would change its text if scripts ran', async () => {
    // Proof that the "no script run" check above can fail: the same page with scripts run holds the marker.
    const page = await readFile(path.join(FIXTURES, 'noticia-es.html'), 'utf8');
    const afterScripts = new JSDOM(page, { runScripts: 'dangerously' }).serialize();
    const extracted = extractArticle(afterScripts, server.url('/noticia'));
    assert.equal(extracted.paragraphs.length, 5);
    assert.match(extracted.paragraphs.at(-1)!, /^SCRIPT EJECUTADO/);
  });

  it('follows redirects', async () => {
    assert.equal((await loadArticle(server.url('/redirige'))).siteName, 'Diario de Prueba');
  });

  for (const [route, how] of [
    ['/latin1-header', 'the HTTP header'],
    ['/latin1-meta', 'its <meta> tag'],
  ] as const) {
    it(`decodes an ISO-8859-1 page declared by ${how}`, async () => {
      const article = await loadArticle(server.url(route));
      assert.equal(article.title, 'El Gobierno destina 1.250.000 euros a renovar la red de bibliotecas');
      assert.match(article.paragraphs.join(' '), /aprobó .* según explicó la ministra/);
      assert.doesNotMatch(article.paragraphs.join(' '), /\uFFFD|Ã/);
    });
  }

  const refusals: Array<[string, string, RegExp]> = [
    ['a 404', '/no-existe', /answered HTTP 404.*Check the URL/],
    ['a 500', '/error', /answered HTTP 500/],
    ['a PDF', '/pdf', /is application\/pdf, not an HTML page/],
    ['an image', '/imagen', /is image\/png, not an HTML page/],
    ['a page with no article', '/vacia', /has no readable article|holds only \d+ characters/],
    ['a paywall stub', '/muro', /holds only \d+ characters of article text: a paywall/],
    ['an enormous page', '/enorme', /over the 5242880-byte limit/],
    ['a page in a language Kokoro cannot speak', '/aleman', /is in "de", which Kokoro cannot speak/],
  ];
  for (const [what, route, message] of refusals) {
    it(`refuses ${what} with a clear message`, async () => {
      await assert.rejects(loadArticle(server.url(route)), (error: Error) => error.name === 'UserError' && message.test(error.message));
    });
  }

  it('gives up on a server that does not answer in time', async () => {
    await assert.rejects(loadArticle(server.url('/lenta'), { limits: { timeoutMs: 300, maxBytes: 1e6 } }), (error: Error) =>
      /did not answer within 0.3 s/.test(error.message),
    );
  });

  it('gives up on a page whose body stalls after the headers', async () => {
    await assert.rejects(
      loadArticle(server.url('/a-medias'), { limits: { timeoutMs: 300, maxBytes: 1e6 } }),
      (error: Error) => error.name === 'UserError' && /did not answer within 0.3 s/.test(error.message),
    );
  });

  it('refuses an unreachable host and a name that does not resolve', async () => {
    const closed = await startServer({});
    const address = closed.url('/noticia');
    await closed.close();
    await assert.rejects(loadArticle(address), /refused the connection/);
    await assert.rejects(loadArticle('http://no-such-host.invalid/noticia'), /could not be found \(DNS\)/);
  });
});

describe('local articles', () => {
  it('reads local .html, .md and .txt files', async () => {
    const html = await loadArticle(path.join(FIXTURES, 'noticia-es.html'));
    assert.equal(html.siteName, 'Diario de Prueba');
    const markdown = await loadArticle(path.join(PROJECT_ROOT, 'src/article/sample-article.md'));
    assert.equal(markdown.title, 'La biblioteca municipal abre sus puertas por la noche');
    assert.equal(markdown.language, 'es');
  });

  it('takes a title and a text from the command line', () => {
    const article = articleFromText('Titular de prueba', 'Primer párrafo de la noticia con suficientes palabras.\n\nSegundo párrafo.');
    assert.deepEqual(article.paragraphs, ['Primer párrafo de la noticia con suficientes palabras.', 'Segundo párrafo.']);
    assert.equal(article.language, 'es');
  });
});
