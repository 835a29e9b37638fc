// GET /api/events: a job's changes as server-sent events. The server polls the store rather than hearing from its
// own routes, so a change made by a worker or another desk on the same store (another process, another machine on
// a shared file) reaches every page too. Each job is sent when first seen, then whenever its revision, state or
// progress changes.
import type { FastifyReply } from 'fastify';
import type { JobView } from '../schedule/job.ts';

export interface EventSource {
  list(): JobView[] | Promise<JobView[]>;
  view(job: JobView): Promise<unknown>;
  pollMs: number;
}

const signature = (job: JobView) => `${job.revision}|${job.state}|${JSON.stringify(job.progress)}`;

export function streamEvents(reply: FastifyReply, source: EventSource): void {
  reply.hijack();
  const response = reply.raw;
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  response.write(': desk events\n\n');
  const seen = new Map<string, string>();
  let busy = false;
  const poll = async () => {
    if (busy) return;
    busy = true;
    try {
      for (const job of await source.list()) {
        const now = signature(job);
        if (seen.get(job.id) === now) continue;
        seen.set(job.id, now);
        response.write(`event: job\ndata: ${JSON.stringify(await source.view(job))}\n\n`);
      }
    } catch (error) {
      response.write(`event: problem\ndata: ${JSON.stringify({ error: error instanceof Error ? error.message : String(error) })}\n\n`);
    } finally {
      busy = false;
    }
  };
  void poll();
  const timer = setInterval(() => void poll(), source.pollMs);
  response.on('close', () => clearInterval(timer));
}
