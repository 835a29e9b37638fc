// A command run to its end as a person runs it, timed from spawn to exit: what the benches compare.
import { spawn } from 'node:child_process';
import { PROJECT_ROOT } from '../../src/system/project-root.ts';

/** Runs a command to its end; wall seconds from spawn to exit, its stdout. */
export function timedProcess(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ seconds: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} failed (${code}): ${stderr.slice(-2000)}`));
      else resolve({ seconds: (performance.now() - start) / 1000, stdout });
    });
  });
}
