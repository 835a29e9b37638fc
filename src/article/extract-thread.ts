// Extraction (jsdom's parse and Readability) on a worker thread that is terminated past a time limit. Both run
// synchronously and their work grows faster than the page (see extract.ts): on the main thread a hostile page
// held the process, the job's lease and every timer with it. The depth and element limits refuse the pages
// known to be slow; the time limit bounds the ones nobody thought of.
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../errors.ts';
import { startModuleWorker } from '../system/module-worker.ts';
import type { ExtractedArticle } from './extract.ts';

/** Far over the 1-2 s a real page takes (jsdom loads in about 1.5 s of it), far under a job's time. */
const DEFAULT_EXTRACT_TIMEOUT_MS = 20_000;

interface Input {
  html: string;
  pageUrl: string;
}

type Reply =
  | { kind: 'article'; article: ExtractedArticle }
  | { kind: 'user-error'; problem: string; fix: string; transient: boolean }
  | { kind: 'error'; message: string };

export function extractOnThread(html: string, pageUrl: string, timeoutMs = DEFAULT_EXTRACT_TIMEOUT_MS): Promise<ExtractedArticle> {
  const worker = startModuleWorker(import.meta.url, { html, pageUrl } satisfies Input);
  let timer: NodeJS.Timeout | undefined;
  return new Promise<ExtractedArticle>((resolve, reject) => {
    timer = setTimeout(() => {
      reject(
        new UserError(
          `${pageUrl} could not be read in ${timeoutMs / 1000} s: the page is built to be slow to parse, or far larger than an article`,
          "Give the URL of the article's own page, or save its text and pass the file",
        ),
      );
      void worker.terminate();
    }, timeoutMs);
    worker.once('message', (reply: Reply) => {
      if (reply.kind === 'article') resolve(reply.article);
      else if (reply.kind === 'user-error') reject(new UserError(reply.problem, reply.fix, { transient: reply.transient }));
      else reject(new Error(`extracting ${pageUrl} failed: ${reply.message}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the extraction thread for ${pageUrl} stopped (exit code ${code})`)));
  }).finally(() => {
    clearTimeout(timer);
    void worker.terminate();
  });
}

async function serve(port: NonNullable<typeof parentPort>, input: Input): Promise<void> {
  let reply: Reply;
  try {
    const { extractArticle } = await import('./extract.ts');
    reply = { kind: 'article', article: extractArticle(input.html, input.pageUrl) };
  } catch (error) {
    reply =
      error instanceof UserError
        ? { kind: 'user-error', problem: error.problem, fix: error.fix, transient: error.transient }
        : { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
}

if (parentPort && typeof (workerData as Input | undefined)?.html === 'string') await serve(parentPort, workerData as Input);
