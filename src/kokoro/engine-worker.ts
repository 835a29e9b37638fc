// The Kokoro session on its own thread. onnxruntime-node creates a session and runs a pass synchronously on
// the thread that calls it (about 2 s to create the 256 MB session, then every pass), so on the main thread the
// model load and the text's phonemes could only take turns; here the session loads while the main thread
// reads and phonemizes the text, and the main thread stays free (progress, files) while a pass runs.
import { parentPort, workerData } from 'node:worker_threads';
import { startModuleWorker } from '../system/module-worker.ts';
import { openKokoro, type Device, type KokoroEngine, type KokoroPass } from './session.ts';

interface WorkerInput {
  modelPath: string;
  device: Device;
}

type Request = { id: number; tokenIds: number[]; style: Float32Array; speed: number } | { id: number; release: true };

type Reply =
  | { kind: 'ready'; device: Device }
  | { kind: 'warn'; line: string }
  | { kind: 'failed'; id?: number; message: string }
  | { kind: 'pass'; id: number; pass: KokoroPass }
  | { kind: 'released'; id: number };

/** Open the session on a worker thread; resolves once it is loaded, with the same interface as openKokoro. */
export function openKokoroOnWorker(modelPath: string, options: { device: Device; warn?: (line: string) => void }): Promise<KokoroEngine> {
  const worker = startModuleWorker(import.meta.url, { modelPath, device: options.device } satisfies WorkerInput);
  const pending = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  const ask = (request: Omit<Request, 'id'>, transfer: ArrayBuffer[] = []) =>
    new Promise<Reply>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ ...request, id }, transfer);
    });
  return new Promise((resolve, reject) => {
    const failAll = (error: Error) => {
      reject(error);
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`the Kokoro worker stopped (exit code ${code})`)));
    worker.on('message', (reply: Reply) => {
      if (reply.kind === 'warn') return options.warn?.(reply.line);
      if (reply.kind === 'ready') {
        // An idle session does not keep the process alive; a pass being waited for does (see ask).
        worker.unref();
        return resolve({
          device: reply.device,
          async synthesize(tokenIds, style, speed) {
            const answer = await ask({ tokenIds, style, speed });
            if (answer.kind !== 'pass') throw new Error(`unexpected reply from the Kokoro worker: ${answer.kind}`);
            return answer.pass;
          },
          async release() {
            await ask({ release: true });
            await worker.terminate();
          },
        });
      }
      if (reply.kind === 'failed' && reply.id === undefined) return failAll(new Error(reply.message));
      const waiting = pending.get(reply.id!);
      pending.delete(reply.id!);
      if (pending.size === 0) worker.unref();
      if (reply.kind === 'failed') waiting?.reject(new Error(reply.message));
      else waiting?.resolve(reply);
    });
  });
}

async function serve(port: NonNullable<typeof parentPort>, input: WorkerInput): Promise<void> {
  const send = (reply: Reply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);
  let engine: KokoroEngine;
  try {
    engine = await openKokoro(input.modelPath, { device: input.device, warn: (line) => send({ kind: 'warn', line }) });
  } catch (error) {
    return send({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
  send({ kind: 'ready', device: engine.device });
  port.on('message', async (request: Request) => {
    try {
      if ('release' in request) {
        await engine.release();
        return send({ kind: 'released', id: request.id });
      }
      const pass = await engine.synthesize(request.tokenIds, request.style, request.speed);
      // A copy the main thread can own: the tensor's buffer may belong to onnxruntime.
      const samples = pass.samples.slice();
      send({ kind: 'pass', id: request.id, pass: { samples, durations: pass.durations } }, [samples.buffer]);
    } catch (error) {
      send({ kind: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) });
    }
  });
}

if (parentPort && (workerData as WorkerInput | undefined)?.modelPath) await serve(parentPort, workerData as WorkerInput);
