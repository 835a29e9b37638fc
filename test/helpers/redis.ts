// A real redis-server (Debian's package) for the BullMQ tests: started on 127.0.0.1 on a free port with its
// own folder and no persistence, killed by the test that started it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { BullmqQueue } from '../../src/schedule/queue/bullmq-queue.ts';
import { waitFor } from './schedule.ts';

export interface RunningRedis {
  url: string;
  process: ChildProcess;
}

/** Whether redis-server is installed here; tests that need one are skipped where it is not. */
export const HAS_REDIS = spawnSync('redis-server', ['--version']).status === 0;

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startRedis(dir: string): Promise<RunningRedis> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const url = `redis://127.0.0.1:${port}`;
  const queue = await waitFor(
    'redis-server to answer',
    async () => BullmqQueue.open(url, { maxAttempts: 1, backoffSeconds: 1 }, 10_000).catch(() => undefined),
    20_000,
  );
  await queue.close();
  return { url, process: child };
}
