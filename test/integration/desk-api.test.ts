// The desk's HTTP API (contract C) on a real SQLite store and real files: every endpoint, and each bad input of
// issue 17 answered with a 4xx and one line, the store unchanged. Requests go through fastify.inject except where
// the socket matters (the event stream, the token link in a browser-like client), which use a real listening
// server on 127.0.0.1. Narration is not synthesized here: a stand-in for the worker puts the project's real sample
// narration where a worker puts one and moves the job on in the store as a worker does (the re-synthesis itself is
// test/integration/desk-resynthesis.test.ts, on the real model).
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { DESK_API_VERSION, type DeskJob } from '../../src/contract/desk.ts';
import { createDeskServer, type DeskServerOptions } from '../../src/desk/server.ts';
import { reviewFolders } from '../../src/schedule/output-layout.ts';
import { SqliteJobStore } from '../../src/schedule/queue/sqlite-store.ts';
import '../helpers/env.ts';
import { runCli } from '../helpers/env.ts';
import { articleHtml } from '../helpers/news-site.ts';
import { send, startServer, type TestServer } from '../helpers/server.ts';

const ORIGIN = 'http://localhost:80';
const SAMPLE = path.resolve(import.meta.dirname, '../../public/sample');
const WORKER = 'worker-host:1:w';
const policy = { maxAttempts: 3, backoffSeconds: 60 };

interface Desk {
  app: FastifyInstance;
  store: SqliteJobStore;
  output: string;
  call(options: InjectOptions): Promise<{ status: number; body: Record<string, unknown> & { error?: string }; headers: Record<string, unknown> }>;
}

const dirs: string[] = [];
function openDesk(options: Partial<DeskServerOptions> & { allowPrivateNetworks?: boolean } = {}): Desk {
  const dir = mkdtempSync(path.join(tmpdir(), 'desk-api-'));
  dirs.push(dir);
  const output = path.join(dir, 'videos');
  const store = new SqliteJobStore(path.join(dir, 'jobs.db'));
  const app = createDeskServer({
    store,
    config: { output, lexicon: [], allowPrivateNetworks: options.allowPrivateNetworks ?? false, leaseSeconds: 60, formats: ['vertical'] },
    token: null,
    origins: [ORIGIN],
    ...options,
  });
  return {
    app,
    store,
    output,
    async call(request) {
      const headers = Object.fromEntries(Object.entries({ origin: ORIGIN, ...request.headers }).filter(([, value]) => value !== undefined));
      const response = await app.inject({ ...request, headers });
      const type = String(response.headers['content-type'] ?? '');
      return { status: response.statusCode, body: type.includes('json') ? response.json() : { text: response.body }, headers: response.headers };
    },
  };
}

const job = (body: Record<string, unknown>) => body.job as DeskJob;

/** A text submission, then a worker's part: claimed, narrated (the sample narration), handed to review. */
async function awaitingReview(desk: Desk, title = 'La biblioteca amplía su horario'): Promise<DeskJob> {
  const created = await desk.call({ method: 'POST', url: '/api/jobs', payload: { title, text: 'La biblioteca abrirá más horas.' } });
  assert.equal(created.status, 201, created.body.error);
  const claimed = desk.store.claim(WORKER, 60_000, policy, new Date())!;
  const folder = reviewFolders(desk.output, claimed).narration;
  mkdirSync(path.dirname(folder), { recursive: true });
  cpSync(SAMPLE, folder, { recursive: true });
  assert.equal(desk.store.awaitReview(claimed.id, WORKER, new Date()), true);
  return job((await desk.call({ method: 'GET', url: `/api/jobs/${claimed.id}` })).body);
}

after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('desk API: submissions', () => {
  let site: TestServer;
  before(async () => {
    site = await startServer({
      '/nota.html': send(articleHtml('El tranvía llegará al puerto'), 'text/html; charset=utf-8'),
      '/vacia.html': send('<!doctype html><html><body><nav><a href="/">Inicio</a></nav></body></html>', 'text/html; charset=utf-8'),
    });
  });
  after(() => site.close());

  it('queues pasted text as a desk job under review, with its links', async () => {
    const desk = openDesk();
    const { status, body } = await desk.call({ method: 'POST', url: '/api/jobs', payload: { title: 'Titular', text: 'Un párrafo.', speed: 1.2 } });
    assert.equal(status, 201, body.error);
    const created = job(body);
    assert.deepEqual([created.state, created.review, created.feedUrl, created.itemUrl, created.text], ['queued', true, null, null, 'Un párrafo.']);
    assert.deepEqual(created.formats, ['vertical'], 'the desk’s default formats');
    assert.equal(created.options?.speed, 1.2);
    assert.deepEqual(created.links, { narration: null, files: `/api/jobs/${created.id}/files`, videos: {}, thumbnail: null, jobJson: null });
    assert.deepEqual(created.style, {}, 'no style saved yet');
  });

  it('refuses text over the limit and a body that is no submission, adding nothing', async () => {
    const desk = openDesk();
    const long = await desk.call({ method: 'POST', url: '/api/jobs', payload: { title: 'T', text: 'a'.repeat(50_001) } });
    assert.equal(long.status, 400);
    assert.equal(long.body.error, 'The submission: text: the text is over the limit of 50,000 characters: split it into parts and submit each');
    const neither = await desk.call({ method: 'POST', url: '/api/jobs', payload: { what: 'x' } });
    assert.equal(neither.status, 400);
    assert.match(neither.body.error!, /^The submission: /);
    assert.equal(desk.store.list().length, 0);
  });

  it('offers its formats, voices and music bed, and refuses a voice Kokoro does not have, adding nothing', async () => {
    const desk = openDesk();
    const settings = await desk.call({ method: 'GET', url: '/api/settings' });
    assert.equal(settings.status, 200);
    const { formats, voices, music } = settings.body as { formats: string[]; voices: string[]; music: boolean };
    assert.deepEqual([formats, music, voices.length], [['vertical'], false, 54]);
    assert.ok(voices.includes('ef_dora') && voices.includes('em_alex'));
    const submit = (voice: string) => desk.call({ method: 'POST', url: '/api/jobs', payload: { title: 'T', text: 'Un párrafo.', voice } });
    const unknown = await submit('ef_nadie');
    assert.equal(unknown.status, 400);
    assert.equal(
      unknown.body.error,
      `There is no Kokoro voice "ef_nadie": pick one of GET /api/settings' voices, such as ef_dora, or a blend such as "ef_dora:0.7,em_alex:0.3"`,
    );
    assert.match((await submit('ef_dora:0.7,zz_otra:0.3')).body.error!, /^There is no Kokoro voice "zz_otra"/);
    assert.match((await submit('ef_dora:mucho')).body.error!, /^The voice "ef_dora:mucho" is not a voice name or a blend: pick one/);
    assert.equal(desk.store.list().length, 0);
    assert.equal((await submit('ef_dora:0.7,em_alex:0.3')).status, 201);
  });

  it('refuses a music bed where the config names none, and takes one where it does', async () => {
    const bare = openDesk();
    const refused = await bare.call({ method: 'POST', url: '/api/jobs', payload: { title: 'T', text: 'Un párrafo.', music: true } });
    assert.equal(refused.status, 400);
    assert.equal(
      refused.body.error,
      'This desk has no music bed to put under the voice: name one as music: <file> in the config the desk and its workers run with, or leave the music off',
    );
    assert.equal(bare.store.list().length, 0);
    const withBed = openDesk({
      config: { output: bare.output, lexicon: [], allowPrivateNetworks: false, leaseSeconds: 60, formats: ['vertical'], music: { file: '/bed.wav' } },
    });
    const taken = await withBed.call({ method: 'POST', url: '/api/jobs', payload: { title: 'T', text: 'Un párrafo.', music: true } });
    assert.equal(taken.status, 201, taken.body.error);
    assert.equal(job(taken.body).options?.music, true);
  });

  it('reads a submitted page under the unattended rules: a private address is refused unless configured', async () => {
    const strict = openDesk();
    const refused = await strict.call({ method: 'POST', url: '/api/jobs', payload: { url: site.url('/nota.html') } });
    assert.equal(refused.status, 422);
    assert.match(refused.body.error!, /127\.0\.0\.1/);
    assert.equal(strict.store.list().length, 0);

    const open = openDesk({ allowPrivateNetworks: true });
    const created = await open.call({ method: 'POST', url: '/api/jobs', payload: { url: site.url('/nota.html'), review: false } });
    assert.equal(created.status, 201, created.body.error);
    assert.deepEqual([job(created.body).title, job(created.body).review], ['El tranvía llegará al puerto', false]);
    const again = await open.call({ method: 'POST', url: '/api/jobs', payload: { url: site.url('/nota.html') } });
    assert.equal(again.status, 409);
    assert.match(again.body.error!, /is already a job/);
    const notArticle = await open.call({ method: 'POST', url: '/api/jobs', payload: { url: site.url('/vacia.html') } });
    assert.equal(notArticle.status, 422);
    assert.ok(notArticle.body.error!.length > 10 && !notArticle.body.error!.includes('\n'), notArticle.body.error);
    assert.equal(open.store.list().length, 1);
  });
});

describe('desk API: jobs and review', () => {
  it('lists jobs filtered by state and feed, and refuses an unknown state', async () => {
    const desk = openDesk();
    const waiting = await awaitingReview(desk);
    await desk.call({ method: 'POST', url: '/api/jobs', payload: { title: 'Otra', text: 'Texto.' } });
    const list = async (query: string) => (await desk.call({ method: 'GET', url: `/api/jobs${query}` })).body.jobs as DeskJob[];
    assert.equal((await list('')).length, 2);
    assert.deepEqual(
      (await list('?state=awaitingReview')).map((found) => found.id),
      [waiting.id],
    );
    assert.equal((await list('?feed=desk')).length, 2);
    assert.equal((await list('?feed=https://e.com/rss')).length, 0);
    const bad = await desk.call({ method: 'GET', url: '/api/jobs?state=sleeping' });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error!, /^The list query: state: /);
  });

  it('answers a job id that does not exist with 404 and one that is no id with 400', async () => {
    const desk = openDesk();
    for (const url of ['/api/jobs/999', '/api/jobs/999/narration', '/api/jobs/999/files']) {
      const missing = await desk.call({ method: 'GET', url });
      assert.equal(missing.status, 404, url);
      assert.equal(missing.body.error, 'There is no job 999. List the jobs (npm run jobs, or GET /api/jobs) to see their ids');
    }
    for (const action of ['approve', 'reject', 'retry', 'edits']) {
      const missing = await desk.call({ method: 'POST', url: `/api/jobs/999/${action}`, payload: { revision: 0, title: 'x' } });
      assert.equal(missing.status, 404, action);
    }
    const notId = await desk.call({ method: 'GET', url: '/api/jobs/abc' });
    assert.equal(notId.status, 400);
    assert.equal(notId.body.error, 'The job id: id: must be a job id (digits, or 32 hex digits on a Redis queue)');
  });

  it('serves the narration under review, its files and a byte range of its audio, and nothing outside its folder', async () => {
    const desk = openDesk();
    const queued = job((await desk.call({ method: 'POST', url: '/api/jobs', payload: { title: 'T', text: 'Texto.' } })).body);
    const early = await desk.call({ method: 'GET', url: `/api/jobs/${queued.id}/narration` });
    assert.equal(early.status, 404);
    assert.match(early.body.error!, /has no narration yet \(it is queued\)/);
    const waiting = await awaitingReview(desk);
    assert.equal(waiting.links.narration, `/api/jobs/${waiting.id}/files/narration.json`);
    const narration = await desk.call({ method: 'GET', url: `/api/jobs/${waiting.id}/narration?revision=${waiting.revision}` });
    assert.equal(narration.status, 200);
    assert.deepEqual(narration.body, JSON.parse(readFileSync(path.join(SAMPLE, 'narration.json'), 'utf8')));
    const files = (await desk.call({ method: 'GET', url: `/api/jobs/${waiting.id}/files` })).body.files as Array<{
      name: string;
      bytes: number;
      url: string;
    }>;
    assert.ok(files.some((file) => file.name === 'audio.mp3' && file.bytes > 1000));
    const audio = files.find((file) => file.name === 'audio.mp3')!;
    const range = await desk.app.inject({ method: 'GET', url: audio.url, headers: { range: 'bytes=0-99' } });
    assert.equal(range.statusCode, 206);
    assert.equal(range.rawPayload.length, 100);
    assert.deepEqual(range.rawPayload, readFileSync(path.join(SAMPLE, 'audio.mp3')).subarray(0, 100));
    // ../ is resolved by the URL itself (to /api/jobs/jobs.db, no job id: 400); an encoded one reaches the check.
    for (const attempt of ['../../jobs.db', '..%2F..%2Fjobs.db', '%2E%2E/%2E%2E/jobs.db', '.passes', 'nada.txt']) {
      const outside = await desk.call({ method: 'GET', url: `/api/jobs/${waiting.id}/files/${attempt}` });
      assert.ok([400, 404].includes(outside.status), `${attempt}: ${outside.status}`);
      assert.ok(typeof outside.body.error === 'string' && outside.body.error.length > 0, attempt);
    }
  });

  it('refuses an edit that leaves a sentence empty or names what is not there, changing nothing', async () => {
    const desk = openDesk();
    const waiting = await awaitingReview(desk);
    const edit = (payload: Record<string, unknown>) => desk.call({ method: 'POST', url: `/api/jobs/${waiting.id}/edits`, payload });
    const empty = await edit({ revision: waiting.revision, sentences: [{ sentence: 2, text: '  ' }] });
    assert.equal(empty.status, 400);
    assert.equal(empty.body.error, 'The edit: sentences.0.text: sentence 2 would be empty: write its text or remove the edit');
    const missing = await edit({ revision: waiting.revision, sentences: [{ sentence: 40, text: 'Otra.' }] });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error, 'The edit names what the narration lacks: sentence 40 does not exist: the narration has sentences 0 to 3');
    const symbols = await edit({ revision: waiting.revision, lexicon: [{ written: 'Nvidia', phonemes: 'q9q', caseSensitive: true }] });
    assert.equal(symbols.status, 400);
    assert.match(symbols.body.error!, /symbols Kokoro does not know/);
    const after = desk.store.get(waiting.id);
    assert.deepEqual([after.state, after.revision], ['awaitingReview', waiting.revision]);
  });

  it('makes an edit that needs no synthesis, then refuses a stale one naming what changed it', async () => {
    const desk = openDesk();
    const waiting = await awaitingReview(desk);
    const url = `/api/jobs/${waiting.id}/edits`;
    const styled = await desk.call({
      method: 'POST',
      url,
      payload: { revision: waiting.revision, style: { fontSize: 72 }, sectionMedia: [{ section: 1, media: null }] },
    });
    assert.equal(styled.status, 200, styled.body.error);
    assert.deepEqual(styled.body.resynthesis, { passesSynthesized: 0, passesReused: 0 });
    const edited = job(styled.body);
    assert.deepEqual([edited.state, edited.lastChange], ['awaitingReview', 'edited at a desk']);
    assert.ok(edited.revision > waiting.revision);
    const edits = JSON.parse(readFileSync(reviewFolders(desk.output, edited).edits, 'utf8'));
    assert.deepEqual(edits.style, { fontSize: 72 });
    const stale = await desk.call({ method: 'POST', url, payload: { revision: waiting.revision, style: { fontSize: 60 } } });
    assert.equal(stale.status, 409);
    assert.equal(
      stale.body.error,
      `Job ${waiting.id} changed since revision ${waiting.revision}: it is at revision ${edited.revision} (edited at a desk), now awaitingReview. Reload the job and make your change again`,
    );
    assert.deepEqual(
      JSON.parse(readFileSync(reviewFolders(desk.output, edited).edits, 'utf8')).style,
      { fontSize: 72 },
      'the stale edit changed nothing',
    );
  });

  it('returns the saved style with the job after each edit and on every later read, merged over the earlier edits', async () => {
    const desk = openDesk();
    const waiting = await awaitingReview(desk);
    assert.deepEqual(waiting.style, {});
    const url = `/api/jobs/${waiting.id}/edits`;
    const first = { highlightColor: '#00E5FF', fontSize: 72, boxColor: 'rgba(0, 0, 0, 0.5)', textColor: 'white' };
    const styled = await desk.call({ method: 'POST', url, payload: { revision: waiting.revision, style: first } });
    assert.equal(styled.status, 200, styled.body.error);
    assert.deepEqual(job(styled.body).style, first, 'the edit’s answer carries the saved style');
    const again = await desk.call({ method: 'POST', url, payload: { revision: job(styled.body).revision, style: { subtitlePosition: 'top' } } });
    assert.equal(again.status, 200, again.body.error);
    const saved = { ...first, subtitlePosition: 'top' };
    // What a page gets when it reloads: the job, the list and the event stream's view are one.
    assert.deepEqual(job((await desk.call({ method: 'GET', url: `/api/jobs/${waiting.id}` })).body).style, saved);
    const listed = (await desk.call({ method: 'GET', url: '/api/jobs' })).body.jobs as DeskJob[];
    assert.deepEqual(listed.find((found) => found.id === waiting.id)?.style, saved);
    assert.deepEqual(
      JSON.parse(readFileSync(reviewFolders(desk.output, waiting).edits, 'utf8')).style,
      saved,
      'as edits.json keeps it for the render',
    );
  });

  it('refuses a style value the composition would refuse with a 400 in one line, changing nothing', async () => {
    const desk = openDesk();
    const waiting = await awaitingReview(desk);
    const refused = await desk.call({
      method: 'POST',
      url: `/api/jobs/${waiting.id}/edits`,
      payload: { revision: waiting.revision, style: { highlightColor: 'amarillo chillón', fontSize: 70 } },
    });
    assert.equal(refused.status, 400);
    assert.equal(
      refused.body.error,
      'The edit: style.highlightColor "amarillo chillón" is refused by the composition (Invalid color): give a value like its default, "#FFD23F"',
    );
    const after = desk.store.get(waiting.id);
    assert.deepEqual([after.state, after.revision, after.lastChange], ['awaitingReview', waiting.revision, waiting.lastChange]);
    assert.equal(existsSync(reviewFolders(desk.output, waiting).edits), false, 'no edits.json written');
    assert.deepEqual(job((await desk.call({ method: 'GET', url: `/api/jobs/${waiting.id}` })).body).style, {});
  });

  it('approves at the revision seen; a second desk rejecting the same revision is told it was approved', async () => {
    const desk = openDesk();
    const waiting = await awaitingReview(desk);
    const staleApprove = await desk.call({ method: 'POST', url: `/api/jobs/${waiting.id}/approve`, payload: { revision: waiting.revision - 1 } });
    assert.equal(staleApprove.status, 409);
    const approved = await desk.call({ method: 'POST', url: `/api/jobs/${waiting.id}/approve`, payload: { revision: waiting.revision } });
    assert.equal(approved.status, 200, approved.body.error);
    assert.deepEqual([job(approved.body).state, job(approved.body).approved], ['queued', true]);
    const late = await desk.call({ method: 'POST', url: `/api/jobs/${waiting.id}/reject`, payload: { revision: waiting.revision } });
    assert.equal(late.status, 409);
    assert.match(late.body.error!, /\(approved at a desk\), now queued/);
    const noRevision = await desk.call({ method: 'POST', url: `/api/jobs/${waiting.id}/approve`, payload: {} });
    assert.equal(noRevision.status, 400);
    assert.match(noRevision.body.error!, /^The approval: revision: /);
  });

  it('rejects for good with the reason, and retries only a failed or done job', async () => {
    const desk = openDesk();
    const waiting = await awaitingReview(desk);
    const rejected = await desk.call({
      method: 'POST',
      url: `/api/jobs/${waiting.id}/reject`,
      payload: { revision: waiting.revision, reason: 'No es noticia' },
    });
    assert.equal(rejected.status, 200, rejected.body.error);
    assert.deepEqual([job(rejected.body).state, job(rejected.body).lastError], ['rejected', 'rejected at the desk: No es noticia']);
    const retryRejected = await desk.call({ method: 'POST', url: `/api/jobs/${waiting.id}/retry` });
    assert.equal(retryRejected.status, 409);
    assert.equal(retryRejected.body.error, `Job ${waiting.id} is rejected, not failed or done. Only a failed or done job can be requeued`);

    const other = job((await desk.call({ method: 'POST', url: '/api/jobs', payload: { title: 'Otra', text: 'Texto.' } })).body);
    const claimed = desk.store.claim(WORKER, 60_000, policy, new Date())!;
    assert.equal(claimed.id, other.id);
    desk.store.fail(claimed.id, WORKER, 'HTTP 404', 'permanent', policy, new Date());
    const retried = await desk.call({ method: 'POST', url: `/api/jobs/${other.id}/retry` });
    assert.equal(retried.status, 200, retried.body.error);
    assert.equal(job(retried.body).state, 'queued');
  });
});

describe('desk API: access', () => {
  it('requires the token when one is set: missing and wrong ones are 401, a bearer or the link’s cookie pass', async () => {
    const desk = openDesk({ token: 'secreto-de-prueba' });
    const missing = await desk.call({ method: 'GET', url: '/api/jobs' });
    assert.equal(missing.status, 401);
    assert.equal(missing.body.error, 'The desk needs its token: open /?token=<token> once, or send Authorization: Bearer <token>');
    const wrong = await desk.call({ method: 'GET', url: '/api/jobs', headers: { authorization: 'Bearer otro' } });
    assert.equal(wrong.status, 401);
    assert.equal((await desk.call({ method: 'GET', url: '/api/jobs', headers: { authorization: 'Bearer secreto-de-prueba' } })).status, 200);
    const link = await desk.call({ method: 'GET', url: '/?token=secreto-de-prueba' });
    assert.equal(link.status, 302);
    const cookie = String(link.headers['set-cookie']);
    assert.match(cookie, /^desk_token=secreto-de-prueba; HttpOnly; SameSite=Strict; Path=\//);
    assert.equal((await desk.call({ method: 'GET', url: '/api/jobs', headers: { cookie: cookie.split(';')[0]! } })).status, 200);
    assert.equal((await desk.call({ method: 'GET', url: '/?token=otro' })).status, 401);
  });

  it('refuses a change from another origin or none, and a Host it does not answer as', async () => {
    const desk = openDesk();
    const payload = { title: 'T', text: 'Texto.' };
    const foreign = await desk.call({ method: 'POST', url: '/api/jobs', payload, headers: { origin: 'https://evil.example' } });
    assert.equal(foreign.status, 403);
    assert.equal(foreign.body.error, "A change must come from the desk's own page (http://localhost), not https://evil.example");
    const none = await desk.app.inject({ method: 'POST', url: '/api/jobs', payload });
    assert.equal(none.statusCode, 403);
    const referer = await desk.call({ method: 'POST', url: '/api/jobs', payload, headers: { origin: undefined, referer: `${ORIGIN}/jobs/1` } });
    assert.equal(referer.status, 201, referer.body.error);
    const rebound = await desk.call({ method: 'GET', url: '/api/jobs', headers: { host: 'evil.example:80' } });
    assert.equal(rebound.status, 421);
    assert.equal(desk.store.list().length, 1);
  });

  it('documents every endpoint in an OpenAPI 3.1 document made from the schemas', async () => {
    const desk = openDesk();
    const { status, body } = await desk.call({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(status, 200);
    assert.equal(body.openapi, '3.1.0');
    const paths = body.paths as Record<string, Record<string, { requestBody?: unknown }>>;
    assert.deepEqual(Object.keys(paths).sort(), [
      '/api/events',
      '/api/jobs',
      '/api/jobs/{id}',
      '/api/jobs/{id}/approve',
      '/api/jobs/{id}/edits',
      '/api/jobs/{id}/files',
      '/api/jobs/{id}/files/{file}',
      '/api/jobs/{id}/narration',
      '/api/jobs/{id}/reject',
      '/api/jobs/{id}/retry',
      '/api/settings',
    ]);
    const edits = JSON.stringify(paths['/api/jobs/{id}/edits']!.post!.requestBody);
    for (const field of ['revision', 'sentences', 'lexicon', 'sectionMedia', 'style']) assert.ok(edits.includes(`"${field}"`), field);
    const deskJobSchema = (body.components as { schemas: Record<string, { properties: Record<string, unknown>; required: string[] }> }).schemas
      .DeskJob!;
    assert.ok(deskJobSchema.required.includes('style') && 'highlightColor' in JSON.parse(JSON.stringify(deskJobSchema.properties.style)).properties);
    assert.equal((body.info as { version: string }).version, DESK_API_VERSION);
  });

  it('refuses to listen off loopback without a token, saying so', async () => {
    const run = await runCli('src/cli/desk.ts', ['--host', '0.0.0.0', '--port', '0'], { env: { DESK_TOKEN: '' } });
    assert.equal(run.code, 1);
    assert.equal(
      run.stderr.trim(),
      'error: The desk would listen on 0.0.0.0, off this machine, with no token. Set DESK_TOKEN or pass --new-token (anyone who can reach it could otherwise use it)',
    );
  });
});

describe('desk API over a real socket', () => {
  it('streams a job’s changes, made by another store on the same file, as server-sent events', async () => {
    const desk = openDesk({ eventPollMs: 100 });
    const waiting = await awaitingReview(desk);
    await desk.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = desk.app.addresses().find((info) => typeof info === 'object')!;
    const origin = `http://127.0.0.1:${port}`;
    try {
      const response = await fetch(`${origin}/api/events`);
      assert.equal(response.headers.get('content-type'), 'text/event-stream');
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = '';
      const nextJob = async (): Promise<DeskJob> => {
        for (;;) {
          const match = /event: job\ndata: (.*)\n\n/.exec(text);
          if (match) {
            text = text.slice(match.index + match[0].length);
            return JSON.parse(match[1]!) as DeskJob;
          }
          const { value, done } = await reader.read();
          assert.equal(done, false, 'the stream ended');
          text += value;
        }
      };
      assert.deepEqual([(await nextJob()).state, waiting.state], ['awaitingReview', 'awaitingReview']);
      // Another process's store on the same file: the stream sees the change because it polls the store.
      const other = new SqliteJobStore(path.join(path.dirname(desk.output), 'jobs.db'));
      other.approve(waiting.id, waiting.revision, new Date());
      other.close();
      const changed = await nextJob();
      assert.deepEqual([changed.id, changed.state, changed.revision > waiting.revision], [waiting.id, 'queued', true]);
      await reader.cancel();

      const approvedElsewhere = await fetch(`${origin}/api/jobs/${waiting.id}/reject`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ revision: waiting.revision }),
      });
      assert.equal(approvedElsewhere.status, 409);
      assert.match(((await approvedElsewhere.json()) as { error: string }).error, /approved at a desk/);
      assert.equal(existsSync(reviewFolders(desk.output, waiting).narration), true);
    } finally {
      await desk.app.close();
    }
  });
});
