// The config's afterEach command (upload, notify), run by the shell once a folder is published, with the folder
// as $1 and $VIDEO_DIR, and the upload's publish.json and description.txt as $PUBLISH_JSON and $DESCRIPTION_TXT.
// It runs in a process group of its own, so its time limit ends everything it started: a background child that
// keeps stderr open would otherwise hold the job past the limit, and killing only the shell leaves it running.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { DESCRIPTION_FILE, PUBLISH_FILE } from '../platform/publish-record.ts';
import type { JobView } from './job.ts';
import { jobFolder } from './output-layout.ts';

const AFTER_EACH_TIMEOUT_MS = 10 * 60_000;
/** Between SIGTERM and SIGKILL: time for an upload to stop cleanly. */
const KILL_GRACE_MS = 2000;
const KEPT_OUTPUT_CHARS = 2000;

/** Run `command` for `folder`; null on success, else what went wrong (exit code and the end of its stderr). */
export function runAfterEach(command: string, folder: string, timeoutMs = AFTER_EACH_TIMEOUT_MS): Promise<string | null> {
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', command, 'afterEach', folder], {
      env: { ...process.env, VIDEO_DIR: folder, PUBLISH_JSON: path.join(folder, PUBLISH_FILE), DESCRIPTION_TXT: path.join(folder, DESCRIPTION_FILE) },
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    const killGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // The whole group is gone already.
      }
    };
    let stopped = false;
    let escalation: NodeJS.Timeout | undefined;
    const limit = setTimeout(() => {
      stopped = true;
      killGroup('SIGTERM');
      escalation = setTimeout(() => {
        killGroup('SIGKILL');
        // A process that left the group (setsid) may still hold stderr: stop waiting for it.
        child.stderr.destroy();
      }, KILL_GRACE_MS);
    }, timeoutMs);
    let stderr = '';
    child.stderr.on('data', (data: Buffer) => (stderr = (stderr + data.toString()).slice(-KEPT_OUTPUT_CHARS)));
    child.on('error', (error) => resolve(`afterEach could not start: ${error.message}`));
    child.on('close', (code, signal) => {
      clearTimeout(limit);
      clearTimeout(escalation);
      const output = stderr.trim() ? `: ${stderr.trim()}` : '';
      if (stopped) resolve(`afterEach was stopped after its time limit of ${timeoutMs / 1000} s${output}`);
      else if (code === 0) resolve(null);
      else resolve(`afterEach ${signal ? `was stopped by ${signal}` : `exited with code ${code}`}${output}`);
    });
  });
}

/** The config's afterEach, if it has one, on the job's published folder: its error (logged), or null. */
export async function afterPublished(
  job: JobView,
  settings: { outputRoot: string; afterEach: string | null },
  log: (line: string) => void,
): Promise<string | null> {
  if (settings.afterEach === null) return null;
  const error = await runAfterEach(settings.afterEach, jobFolder(settings.outputRoot, job));
  if (error !== null) log(`job ${job.id}: ${error}`);
  return error;
}
