// npm run bench:desk: issue 17's target for the editor's desk, on the product's own path. `npm run desk` and a
// `schedule --worker` (each its own process, as an editor runs them) on one SQLite store, review on, full-size
// vertical 1080p at 30 fps; the article is test/fixtures/noticia-es.html with a 1200x800 lead image, served on
// 127.0.0.1 (the page bench:render times). Everything goes through the desk's HTTP API.
//   (a) first narrate-and-render: submit -> awaitingReview (narration), approve -> done (MP4 published);
//   (b) correction: one word of one sentence changed -> awaitingReview again -> approve -> done.
// (b) runs on a second job of the same page (a done job can no longer be edited), narrated before (b) starts.
// A warm-up job (a short text, edited once, approved, rendered) first loads the worker's model, bundle and
// browser and the desk's model, so (a) and (b) both run in processes that are already up; its time is printed.
// The passes of the correction are the desk's own count (the pass cache's reused/synthesized, in the edit's
// answer). Target: (b) <= 40% of (a). Prints one markdown table and writes it to bench/results/desk-correction.md.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { runCommand } from '../src/cli/run.ts';
import type { DeskJob, DeskJobState } from '../src/contract/desk.ts';
import type { Narration } from '../src/contract/narration.ts';
import type { Resynthesis } from '../src/contract/review.ts';
import type { JobRecord } from '../src/schedule/job-record.ts';
import { PROJECT_ROOT } from '../src/system/project-root.ts';
import { startDesk, startWorker } from '../test/helpers/desk.ts';
import { writeTestPicture } from '../test/helpers/sample.ts';
import { waitFor, writeConfig } from '../test/helpers/schedule.ts';
import { send, startServer } from '../test/helpers/server.ts';

const RESULTS = path.join(PROJECT_ROOT, 'bench', 'results', 'desk-correction.md');
const TARGET = 0.4;
/** Longest a stage may take on a loaded machine before the bench gives up. */
const STAGE_TIMEOUT_MS = 30 * 60_000;
/** The correction: one word of the sentence about the works. */
const CORRECTED = { from: 'climatización', to: 'calefacción' };

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const load = () => loadavg()[0]!.toFixed(1);
const percent = (part: number, whole: number) => `${((part / whole) * 100).toFixed(0)}%`;

class DeskClient {
  constructor(
    private readonly origin: string,
    /** Throws when a process the jobs need has exited, so a wait does not run out its whole timeout. */
    private readonly checkAlive: () => void,
  ) {}

  async call<Answer>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<Answer> {
    const response = await fetch(`${this.origin}${route}`, {
      method,
      // The desk refuses a change without its own Origin, as it would from a page elsewhere.
      headers: body === undefined ? {} : { 'content-type': 'application/json', origin: this.origin },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = (await response.json()) as Answer & { error?: string };
    if (!response.ok) throw new Error(`${method} ${route}: HTTP ${response.status}: ${answer.error}`);
    return answer;
  }

  job(id: string): Promise<DeskJob> {
    return this.call<{ job: DeskJob }>('GET', `/api/jobs/${id}`).then((answer) => answer.job);
  }

  /** Polls the job until it is in `state`; a failed or rejected job ends the bench with its error. */
  untilState(id: string, state: DeskJobState): Promise<DeskJob> {
    return waitFor(
      `job ${id} to be ${state}`,
      async () => {
        this.checkAlive();
        const job = await this.job(id);
        if (job.state === 'failed' || job.state === 'rejected') throw new Error(`job ${id} is ${job.state}: ${job.lastError}`);
        return job.state === state ? job : undefined;
      },
      STAGE_TIMEOUT_MS,
    );
  }

  async submit(body: Record<string, unknown>): Promise<DeskJob> {
    return (await this.call<{ job: DeskJob }>('POST', '/api/jobs', { formats: ['vertical'], review: true, ...body })).job;
  }

  narration(job: DeskJob): Promise<Narration> {
    return this.call<Narration>('GET', `/api/jobs/${job.id}/narration`);
  }

  /** Approve at the revision seen, then wait for the published MP4; the job's own job.json with it. */
  async approveUntilDone(job: DeskJob): Promise<{ done: DeskJob; record: JobRecord }> {
    await this.call('POST', `/api/jobs/${job.id}/approve`, { revision: job.revision });
    const done = await this.untilState(job.id, 'done');
    if (done.links.jobJson === null || done.links.videos.vertical === undefined) throw new Error(`job ${job.id} is done without its video`);
    return { done, record: await this.call<JobRecord>('GET', done.links.jobJson) };
  }

  /** One sentence's text changed, as the Review page sends it. */
  async correct(job: DeskJob, sentence: number, text: string): Promise<{ job: DeskJob; resynthesis: Resynthesis }> {
    return this.call('POST', `/api/jobs/${job.id}/edits`, { revision: job.revision, sentences: [{ sentence, text }] });
  }
}

/** A stopwatch started now, with the 1-minute load average at its start and its end. */
function stopwatch() {
  const start = { at: performance.now(), load: load() };
  return () => ({ ms: performance.now() - start.at, load: `${start.load} → ${load()}` });
}

/** The sentence holding `from`, and its text with `from` changed to `to`. */
function correctionOf(narration: Narration, from: string, to: string): { sentence: number; text: string } {
  const sentence = narration.sentences.findIndex((span) => span.text.includes(from));
  if (sentence < 0) throw new Error(`the narration has no sentence with "${from}": was the text changed?`);
  return { sentence, text: narration.sentences[sentence]!.text.replace(from, to) };
}

async function main(): Promise<void> {
  const work = await mkdtemp(path.join(tmpdir(), 'bench-desk-'));
  const image = path.join(work, 'lead.jpg');
  await writeTestPicture(image, 1200, 800);
  const page = readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'noticia-es.html'), 'utf8');
  // Two addresses of one page: a URL is one job, and (a) and (b) each need a job of their own.
  const site = await startServer({
    '/noticia': send(page, 'text/html; charset=utf-8'),
    '/noticia-2': send(page, 'text/html; charset=utf-8'),
    '/img/biblioteca-grande.jpg': send(readFileSync(image), 'image/jpeg'),
  });
  // The product's render settings (full size, 30 fps, Remotion's own concurrency). A worker never reads the feed:
  // it is there because a config must name one.
  const config = writeConfig(work, { feeds: [{ url: site.url('/rss.xml') }], render: { fps: 30, scale: 1 } });
  const desk = await startDesk(['--config', config]);
  const worker = startWorker(config);
  try {
    const client = new DeskClient(desk.origin, () => {
      if (worker.child.exitCode !== null) throw new Error(`the worker exited: ${worker.log()}`);
    });
    const step = (line: string) => process.stderr.write(`bench:desk: ${line} (load average ${load()})\n`);

    step('warm-up: a short text narrated, edited, approved and rendered');
    const warmUpTime = stopwatch();
    const warm = await client.untilState(
      (await client.submit({ title: 'Prueba', text: 'La biblioteca abrirá más horas. Los vecinos lo celebran.' })).id,
      'awaitingReview',
    );
    const warmCorrection = correctionOf(await client.narration(warm), 'celebran', 'agradecen');
    const warmEdit = await client.correct(warm, warmCorrection.sentence, warmCorrection.text);
    await client.approveUntilDone(await client.untilState(warmEdit.job.id, 'awaitingReview'));
    const warmUp = warmUpTime();

    step('(a) first narrate-and-render: submit -> awaiting review');
    const firstTime = stopwatch();
    const firstNarrateTime = stopwatch();
    const first = await client.untilState((await client.submit({ url: site.url('/noticia') })).id, 'awaitingReview');
    const firstNarrate = firstNarrateTime();
    step('(a) approve -> done');
    const firstRenderTime = stopwatch();
    const firstDone = await client.approveUntilDone(first);
    const firstRender = firstRenderTime();
    const firstTotal = firstTime();
    const firstNarration = await client.narration(firstDone.done);
    if (firstNarration.chunks.length < 2) throw new Error(`the article took ${firstNarration.chunks.length} pass: the bench needs several`);

    step('(b) the second job of the page narrated (not timed as the correction)');
    const secondNarrateTime = stopwatch();
    const second = await client.untilState((await client.submit({ url: site.url('/noticia-2') })).id, 'awaitingReview');
    const secondNarrate = secondNarrateTime();
    const correction = correctionOf(await client.narration(second), CORRECTED.from, CORRECTED.to);

    step(`(b) correction: sentence ${correction.sentence}, "${CORRECTED.from}" -> "${CORRECTED.to}"`);
    const correctionTime = stopwatch();
    const editTime = stopwatch();
    const edited = await client.correct(second, correction.sentence, correction.text);
    if (edited.job.state !== 'awaitingReview') throw new Error(`the edit left job ${second.id} ${edited.job.state}, not awaiting review`);
    const edit = editTime();
    step('(b) approve -> done');
    const correctedRenderTime = stopwatch();
    const correctedDone = await client.approveUntilDone(edited.job);
    const correctedRender = correctedRenderTime();
    const correctionTotal = correctionTime();

    // The published narration must say the corrected word, or the bench timed something else.
    const published = await client.call<Narration>('GET', correctedDone.done.links.narration!);
    if (!published.sentences[correction.sentence]!.text.includes(CORRECTED.to))
      throw new Error(`job ${second.id}'s published narration does not say "${CORRECTED.to}"`);

    const ratio = correctionTotal.ms / firstTotal.ms;
    const { passesSynthesized, passesReused } = edited.resynthesis;
    const audio = firstNarration.audio.durationMs;
    const verdict =
      ratio <= TARGET
        ? `**met** (${percent(ratio, 1)} ≤ 40%)`
        : `**missed** by ${((ratio - TARGET) * 100).toFixed(0)} points (${percent(ratio, 1)} > 40%)`;
    const renderMs = (record: JobRecord) => seconds(record.durations.renderMs);
    const report = [
      `Desk correction-to-MP4 (bench/desk-correction.ts), ${new Date().toISOString()}, ${cpus().length} CPU cores, CPU model session.`,
      `Article: test/fixtures/noticia-es.html with a 1200x800 lead image, served on 127.0.0.1: ${seconds(audio)} s of audio in ${firstNarration.chunks.length} Kokoro passes, ${firstNarration.sentences.length} sentences; vertical 1080x1920, 30 fps.`,
      `Path: \`npm run desk\` and \`schedule --worker\` as processes on one SQLite store, review on, every step through the desk's HTTP API. Warm-up job first (worker model, bundle, browser and the desk's model loaded): ${seconds(warmUp.ms)} s.`,
      '',
      '| measure | (a) first narrate-and-render | (b) correction-to-MP4 | load average (1 min), start → end |',
      '|---|---:|---:|---|',
      `| passes synthesized / reused | ${firstNarration.chunks.length} / 0 | ${passesSynthesized} / ${passesReused} | |`,
      `| narrate: submit → awaitingReview (a); one-word edit request → awaitingReview (b), s | ${seconds(firstNarrate.ms)} | ${seconds(edit.ms)} | (a) ${firstNarrate.load}; (b) ${edit.load} |`,
      `| render: approve → done, MP4 published, s | ${seconds(firstRender.ms)} | ${seconds(correctedRender.ms)} | (a) ${firstRender.load}; (b) ${correctedRender.load} |`,
      `| of it the worker's render (job.json renderMs), s | ${renderMs(firstDone.record)} | ${renderMs(correctedDone.record)} | |`,
      `| **whole, wall time, s** | **${seconds(firstTotal.ms)}** | **${seconds(correctionTotal.ms)}** | (a) ${firstTotal.load}; (b) ${correctionTotal.load} |`,
      `| (b) ÷ (a), target ≤ 40% | | ${(ratio * 100).toFixed(1)}%: ${verdict} | |`,
      '',
      `Where (b) goes: the edit (one pass synthesized, the rest read back, timeline, MP3) ${seconds(edit.ms)} s = ${percent(edit.ms, correctionTotal.ms)} of it, approve → MP4 ${seconds(correctedRender.ms)} s = ${percent(correctedRender.ms, correctionTotal.ms)}. The render alone is ${percent(correctedRender.ms, firstTotal.ms)} of (a): with no synthesis at all a correction that renders the whole video again would still take that.`,
      '',
      `The second job's own first narration (before its correction, not part of (b)): ${seconds(secondNarrate.ms)} s. Between the desk's answer and the worker's claim each handoff (submit, approve) waits up to the worker's 2 s idle poll.`,
      '',
    ].join('\n');
    process.stdout.write(report);
    await writeFile(RESULTS, report);
  } finally {
    worker.kill();
    await desk.close();
    await site.close();
    await rm(work, { recursive: true, force: true });
  }
}

await runCommand(main);
