// The narration's files reach the composition over HTTP on 127.0.0.1, the same way in server-side rendering as
// Studio's public/ folder does: the composition fetches narration.json and loads the audio and lead image by
// URLs relative to it. CORS is open because the Remotion bundle is served from another port.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface FolderServer {
  /** Base URL ending in "/". */
  url: string;
  close(): Promise<void>;
}

export async function serveFolder(folder: string): Promise<FolderServer> {
  const files = sirv(folder, { dev: true, etag: false });
  const server: Server = createServer((request, response) => {
    response.setHeader('Access-Control-Allow-Origin', '*');
    files(request, response, () => {
      response.statusCode = 404;
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
