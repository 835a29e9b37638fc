// The desk as an editor runs it (`npm run desk`, a child process on a free port) with a scheduler worker beside it
// on the same SQLite store, and a browser driving the page: the system Chromium through playwright-core, never a
// downloaded one.
import { spawn } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';
import { findBrowser } from '../../src/render/browser.ts';
import { PROJECT_ROOT } from '../../src/system/project-root.ts';
import { type RunningScheduler, startScheduler, waitFor } from './schedule.ts';

export interface RunningDesk {
  origin: string;
  log(): string;
  close(): Promise<void>;
}

export async function startDesk(args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunningDesk> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/desk.ts', '--port', '0', ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (data: Buffer) => (output += data.toString()));
  child.stderr.on('data', (data: Buffer) => (output += data.toString()));
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const origin = await waitFor(
    'the desk to listen',
    () => {
      if (child.exitCode !== null) throw new Error(`the desk exited: ${output}`);
      return /desk: (http:\/\/\S+?)\/ /.exec(output)?.[1];
    },
    60_000,
  );
  return {
    origin,
    log: () => output,
    close: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export function startWorker(config: string): RunningScheduler {
  return startScheduler(['--config', config, '--worker']);
}

export async function launchBrowser(): Promise<Browser> {
  const { executable } = await findBrowser(undefined);
  if (executable === null) throw new Error('No system Chromium: install chromium-headless-shell (README)');
  // The Player's audio starts on a click; headless Chromium still asks for a gesture unless told not to.
  return chromium.launch({ executablePath: executable, args: ['--autoplay-policy=no-user-gesture-required'] });
}
