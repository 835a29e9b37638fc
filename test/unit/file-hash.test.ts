// The model's remembered sha256: read from its sidecar while the file keeps the size and mtime it was hashed
// at, computed again as soon as either changes, so a start never hashes the model twice and never trusts a
// stale hash. Real files in a temporary folder.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { hashSidecarOf, rememberedSha256 } from '../../src/kokoro/file-hash.ts';

const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');
/** A hash no file here has: returned only if the sidecar was read instead of the file. */
const PLANTED = 'f'.repeat(64);

describe('remembered model hash', () => {
  let directory: string;
  let file: string;
  before(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'file-hash-'));
    file = path.join(directory, 'model.onnx');
  });
  after(() => rm(directory, { recursive: true, force: true }));

  /** Replace the sidecar's hash, keeping the size and mtime it records. */
  async function plant(): Promise<void> {
    const remembered = JSON.parse(await readFile(hashSidecarOf(file), 'utf8')) as Record<string, unknown>;
    await writeFile(hashSidecarOf(file), JSON.stringify({ ...remembered, sha256: PLANTED }));
  }

  it('hashes a file once and then reads the hash from its sidecar', async () => {
    await writeFile(file, 'first contents');
    assert.equal(await rememberedSha256(file), sha256('first contents'));
    await plant();
    assert.equal(await rememberedSha256(file), PLANTED);
  });

  it('hashes again when the size changes', async () => {
    await writeFile(file, 'first contents');
    await rememberedSha256(file);
    await plant();
    await writeFile(file, 'longer second contents');
    assert.equal(await rememberedSha256(file), sha256('longer second contents'));
  });

  it('hashes again when only the mtime changes (same size, other bytes)', async () => {
    await writeFile(file, 'aaaa');
    const { mtime } = await stat(file);
    await rememberedSha256(file);
    await plant();
    await writeFile(file, 'bbbb');
    await utimes(file, mtime, new Date(mtime.getTime() + 5_000));
    assert.equal(await rememberedSha256(file), sha256('bbbb'));
  });

  it('hashes again when the sidecar is not valid JSON', async () => {
    await writeFile(file, 'cccc');
    await rememberedSha256(file);
    await writeFile(hashSidecarOf(file), '{"size": 4, "mtimeMs"');
    assert.equal(await rememberedSha256(file), sha256('cccc'));
    assert.equal((JSON.parse(await readFile(hashSidecarOf(file), 'utf8')) as { sha256: string }).sha256, sha256('cccc'));
  });
});
