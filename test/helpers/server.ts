// A real HTTP server on 127.0.0.1 for the article tests: routes answer with fixed bodies, statuses, redirects,
// or never answer at all (for timeouts). It records the User-Agent of every request.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (request: IncomingMessage, response: ServerResponse) => void;

export interface TestServer {
  url(path: string): string;
  userAgents: string[];
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, Route>): Promise<TestServer> {
  const userAgents: string[] = [];
  const server = createServer((request, response) => {
    userAgents.push(request.headers['user-agent'] ?? '');
    const route = routes[request.url ?? ''];
    if (route) route(request, response);
    else response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>No existe</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    userAgents,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function send(body: string | Buffer, contentType: string, status = 200): Route {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': contentType });
    response.end(body);
  };
}
