// The narration's files reach the composition over HTTP on 127.0.0.1, the same way in server-side rendering as
// Studio's public/ folder does: the composition fetches narration.json and loads the audio and lead image by
// URLs relative to it. CORS is open because the Remotion bundle is served from another port, so the files sit
// under a random path token: another page in the same browser or another local process cannot guess them.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface FolderServer {
  /** Base URL ending in "/". */
  url: string;
  close(): Promise<void>;
}

// sirv throws (and so kills the process) on a range whose end is before its start; one range, in order, or none.
function rangeIsValid(request: IncomingMessage): boolean {
  const range = request.headers.range;
  if (range === undefined) return true;
  const match = /^bytes=(\d*)-(\d*)$/.exec(range);
  if (!match || (match[1] === '' && match[2] === '')) return false;
  return match[1] === '' || match[2] === '' || Number(match[1]) <= Number(match[2]);
}

export async function serveFolder(folder: string): Promise<FolderServer> {
  const files = sirv(folder, { dev: true, etag: false });
  const prefix = `/${randomBytes(16).toString('hex')}/`;
  const server: Server = createServer((request, response) => {
    const notFound = () => {
      response.statusCode = 404;
      response.end();
    };
    // sirv's dev mode serves dotfiles whatever its option says; none of the narration's files is one.
    if (!request.url?.startsWith(prefix) || /\/(\.|%2e)/i.test(request.url)) return notFound();
    if (!rangeIsValid(request)) {
      response.statusCode = 416;
      response.end();
      return;
    }
    response.setHeader('Access-Control-Allow-Origin', '*');
    request.url = request.url.slice(prefix.length - 1);
    files(request, response, notFound);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
