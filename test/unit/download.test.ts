// The model download against a real server on 127.0.0.1 that stalls.
import assert from 'node:assert/strict';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { download } from '../../src/kokoro/download.ts';
import { startServer } from '../helpers/server.ts';

describe('downloads', () => {
  it('fails a download whose body stalls, and leaves no file behind', async () => {
    // A real server on 127.0.0.1 that sends the headers and a first piece of the file, then nothing.
    const server = await startServer({
      '/model.onnx': (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': '1000000' });
        response.write(Buffer.alloc(1000));
      },
    });
    const directory = await mkdtemp(path.join(tmpdir(), 'download-'));
    const started = performance.now();
    await assert.rejects(download(server.url('/model.onnx'), path.join(directory, 'model.onnx'), undefined, 300), /no data from .* for 0.3 s/);
    await server.close();
    assert.ok(performance.now() - started < 10_000, 'the stall was noticed');
    assert.deepEqual(await readdir(directory), []);
  });
});
