// A worker thread running one of our modules. Run from source under tsx, it registers tsx first: tsx's hooks do
// not reach workers.
import { Worker } from 'node:worker_threads';

export function startModuleWorker(moduleUrl: string, workerData: unknown): Worker {
  if (!moduleUrl.endsWith('.ts')) return new Worker(new URL(moduleUrl), { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(moduleUrl)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}
