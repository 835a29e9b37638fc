// The article's lead image: downloaded beside the narration with its real type and size, or dropped with a
// warning (never an error) when it is missing, too large or not an image. Real images made by ffmpeg, served
// by a real HTTP server on 127.0.0.1, and the real narrate CLI.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { ffmpegPath } from '../../src/media/ffmpeg.ts';
import { DEFAULT_FETCH_LIMITS } from '../../src/article/fetch.ts';
import { downloadImage } from '../../src/article/image-download.ts';
import { describeImage } from '../../src/article/image-type.ts';
import { focusPoint } from '../../src/media/focus-point.ts';
import { NarrationSchema } from '../../src/contract/narration.ts';
import { narrateIntoFolder } from '../../src/pipeline/narrate-folder.ts';
import { Narrator } from '../../src/pipeline/narrator.ts';
import { runCli } from '../helpers/env.ts';
import { send, startServer, type TestServer } from '../helpers/server.ts';

const run = promisify(execFile);

async function makeImage(folder: string, name: string, size: string): Promise<Buffer> {
  const file = path.join(folder, name);
  await run(ffmpegPath(), ['-v', 'error', '-f', 'lavfi', '-i', `testsrc=size=${size}`, '-frames:v', '1', file]);
  return readFile(file);
}

/** The JPEG with an EXIF block saying "rotate 90° clockwise to view" (orientation 6), as phone photos carry. */
function withExifOrientation(jpeg: Buffer, orientation: number): Buffer {
  const tiff = Buffer.from([0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const header = Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]);
  return Buffer.concat([jpeg.subarray(0, 2), header, payload, jpeg.subarray(2)]);
}

/** A JPEG whose header is whole (its size reads fine) and whose picture data is garbage. */
function damaged(jpeg: Buffer): Buffer {
  const scan = jpeg.indexOf(Buffer.from([0xff, 0xda]));
  return Buffer.concat([jpeg.subarray(0, scan + 20), Buffer.alloc(4096, 0x5a)]);
}

const LEAD = { name: 'lead', what: 'the lead image' };

const isJpeg = (bytes: Buffer) => bytes[0] === 0xff && bytes[1] === 0xd8;

function page(imageUrl: string): string {
  return `<!doctype html><html lang="es-AR"><head><meta charset="utf-8"><title>Nueva biblioteca</title>
<meta property="og:title" content="Abre la nueva biblioteca del barrio">
<meta property="og:image" content="${imageUrl}"></head><body><article><h1>Abre la nueva biblioteca del barrio</h1>
<p>La nueva biblioteca del barrio abrió ayer sus puertas con salas de estudio, un espacio para los niños y un
aula de informática con veinte ordenadores. El edificio ocupa una antigua nave industrial que el ayuntamiento
compró hace tres años y que ha rehabilitado con fondos europeos.</p>
<p>Los vecinos podrán usar las salas de lunes a sábado, de nueve de la mañana a nueve de la noche. La concejala de
Cultura explicó que el horario se ampliará durante los exámenes si la afluencia lo justifica, y que la biblioteca
organizará talleres de lectura para mayores todos los jueves por la tarde.</p>
</article></body></html>`;
}

describe('lead image', () => {
  let server: TestServer;
  let images: string;
  let jpeg: Buffer;
  let png: Buffer;
  let huge: Buffer;
  let large: Buffer;

  before(async () => {
    images = await mkdtemp(path.join(tmpdir(), 'lead-'));
    [jpeg, png, huge] = await Promise.all([
      makeImage(images, 'a.jpg', '640x360'),
      makeImage(images, 'b.png', '320x240'),
      makeImage(images, 'c.png', '9000x16'),
    ]);
    large = await makeImage(images, 'd.png', '6000x3000');
    server = await startServer({
      '/con-imagen': send(page('/foto.jpg'), 'text/html; charset=utf-8'),
      '/foto.jpg': send(jpeg, 'image/jpeg'),
      '/falsa.jpg': send('<html>esto no es una imagen</html>', 'image/jpeg'),
      '/grande.png': send(large, 'image/png'),
      '/girada.jpg': send(withExifOrientation(jpeg, 6), 'image/jpeg'),
      '/rota.jpg': send(damaged(jpeg), 'image/jpeg'),
    });
  });
  after(() => server.close());

  it('reads the real type and size from the bytes, whatever the server declares', () => {
    assert.deepEqual(describeImage(jpeg), { type: 'jpeg', width: 640, height: 360 });
    assert.deepEqual(describeImage(png), { type: 'png', width: 320, height: 240 });
    assert.match(describeImage(huge) as string, /9000x16, over 8000 pixels a side/);
    assert.equal(describeImage(Buffer.from('<html>no</html>')), 'it is not an image');
  });

  it("downloads the image beside narration.json and records it, with the page's locale", async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'lead-out-')), 'n');
    const result = await runCli('src/cli/narrate.ts', ['--article', server.url('/con-imagen'), '--out', out]);
    assert.equal(result.code, 0, result.stderr);
    const narration = NarrationSchema.parse(JSON.parse(await readFile(path.join(out, 'narration.json'), 'utf8')));
    assert.deepEqual(narration.media, [
      {
        file: 'lead.jpg',
        type: 'jpeg',
        width: 640,
        height: 360,
        caption: null,
        credit: null,
        sourceUrl: narration.article?.leadImageUrl,
        // Where smartcrop puts the subject of the stored picture (testsrc's pattern is not centred on it).
        focus: await focusPoint(path.join(out, 'lead.jpg'), 640, 360),
        origin: 'lead',
      },
    ]);
    assert.ok(narration.sections.every((section) => section.media === 0));
    // The file is the JPEG we made from the download, not the bytes the server sent.
    const stored = await readFile(path.join(out, 'lead.jpg'));
    assert.ok(isJpeg(stored));
    assert.notDeepEqual(stored, jpeg);
    assert.equal(narration.article?.sourceUrl, server.url('/con-imagen'));
    assert.equal(narration.sections[0]!.kind, 'title');
    assert.equal(narration.article?.locale, 'es-AR');
    assert.equal(narration.locale, 'es-AR');
  });

  for (const [name, route, expected] of [
    ['a 6000x3000 PNG, stored as a 4K JPEG', '/grande.png', { width: 3840, height: 1920 }],
    ['a photo whose EXIF says to turn it, stored upright', '/girada.jpg', { width: 360, height: 640 }],
  ] as const) {
    it(`re-encodes ${name}`, async () => {
      const folder = await mkdtemp(path.join(tmpdir(), 'lead-reencode-'));
      const warnings: string[] = [];
      assert.deepEqual(await downloadImage(server.url(route), folder, LEAD, (line) => warnings.push(line)), { file: 'lead.jpg', ...expected });
      assert.deepEqual(warnings, []);
      assert.deepEqual(await readdir(folder), ['lead.jpg']);
      const stored = await readFile(path.join(folder, 'lead.jpg'));
      assert.deepEqual(describeImage(stored), { type: 'jpeg', ...expected });
      assert.equal(stored.includes(Buffer.from('Exif')), false, 'no metadata is kept');
    });
  }

  for (const [name, route, reason] of [
    ['a 404', '/no-existe.jpg', /HTTP 404/],
    ['bytes that are not an image', '/falsa.jpg', /it is not an image/],
    ['a JPEG whose picture data is damaged', '/rota.jpg', /it cannot be decoded/],
  ] as const) {
    it(`drops ${name} with one warning, never an error`, async () => {
      const folder = await mkdtemp(path.join(tmpdir(), 'lead-drop-'));
      const warnings: string[] = [];
      assert.equal(await downloadImage(server.url(route), folder, LEAD, (line) => warnings.push(line)), null);
      assert.equal(warnings.length, 1);
      assert.match(warnings[0]!, /the lead image .*dropped/);
      assert.match(warnings[0]!, reason);
      assert.deepEqual(await readdir(folder), []);
    });
  }

  // A page read unattended (the scheduler, allowPrivateNetworks off) may not send the image fetch into this
  // machine's network. The page is a saved file here: on 127.0.0.1 itself it would be refused before its image.
  it('refuses an image on a private address when private networks are not allowed: a warning, no image, no request', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lead-private-'));
    const narrator = new Narrator({ device: 'cpu' });
    try {
      for (const imageUrl of [server.url('/foto.jpg'), server.url('/foto.jpg').replace('127.0.0.1', 'localhost')]) {
        const saved = path.join(dir, 'pagina.html');
        await writeFile(saved, page(imageUrl));
        const folder = await mkdtemp(path.join(dir, 'n-'));
        const warnings: string[] = [];
        const requests = server.userAgents.length;
        const narration = await narrateIntoFolder(
          narrator,
          { source: { kind: 'article', location: saved }, fetchLimits: { ...DEFAULT_FETCH_LIMITS, allowPrivateNetworks: false } },
          folder,
          { warn: (line) => warnings.push(line) },
        );
        assert.deepEqual(narration.media, []);
        assert.ok(narration.sections.every((section) => section.media === null));
        assert.equal(warnings.length, 1, warnings.join('\n'));
        assert.match(warnings[0]!, /the lead image was dropped: .* resolves to (127\.0\.0\.1|::1), a loopback, private or link-local address/);
        assert.deepEqual(
          (await readdir(folder)).filter((file) => file.startsWith('lead.')),
          [],
        );
        assert.equal(server.userAgents.length, requests, 'no request reached the image server');
      }
    } finally {
      await narrator.release();
    }
  });
});
