// The config's afterEach command (upload, notify), run by the shell once a folder is published, with the folder
// as $1 and $VIDEO_DIR, and the upload's publish.json and description.txt as $PUBLISH_JSON and $DESCRIPTION_TXT. It runs after the job is recorded as done, so its failure is recorded and never
// causes the video to be made again.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { DESCRIPTION_FILE, PUBLISH_FILE } from '../platform/publish-record.ts';

const AFTER_EACH_TIMEOUT_MS = 10 * 60_000;
const KEPT_OUTPUT_CHARS = 2000;

/** Run `command` for `folder`; null on success, else what went wrong (exit code and the end of its stderr). */
export function runAfterEach(command: string, folder: string, timeoutMs = AFTER_EACH_TIMEOUT_MS): Promise<string | null> {
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', command, 'afterEach', folder], {
      env: { ...process.env, VIDEO_DIR: folder, PUBLISH_JSON: path.join(folder, PUBLISH_FILE), DESCRIPTION_TXT: path.join(folder, DESCRIPTION_FILE) },
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: timeoutMs,
    });
    let stderr = '';
    child.stderr.on('data', (data: Buffer) => (stderr = (stderr + data.toString()).slice(-KEPT_OUTPUT_CHARS)));
    child.on('error', (error) => resolve(`afterEach could not start: ${error.message}`));
    child.on('close', (code, signal) => {
      if (code === 0) resolve(null);
      else resolve(`afterEach ${signal ? `was stopped by ${signal}` : `exited with code ${code}`}${stderr.trim() ? `: ${stderr.trim()}` : ''}`);
    });
  });
}
