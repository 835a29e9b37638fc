// Who may use the desk. On loopback with no token configured, anyone on this machine (as with any local tool); a
// token otherwise, sent as `Authorization: Bearer <token>` or as the `desk_token` cookie the page gets by opening
// /?token=<token> once. Every request must name this desk as its Host (a page on another site that rebinds its
// name to 127.0.0.1 cannot read the API), and a state-changing one must come from the desk's own origin (Origin,
// else Referer): a page elsewhere cannot make a logged-in browser act on the desk (CSRF).
import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './http-error.ts';

export const TOKEN_COOKIE = 'desk_token';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** True for a name or address that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1' || bare.startsWith('::ffff:127.');
}

function sameSecret(given: string, token: string): boolean {
  const [a, b] = [Buffer.from(given), Buffer.from(token)];
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(request: FastifyRequest): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

function givenToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  return cookieToken(request);
}

export interface AccessRules {
  token: string | null;
  /** The origins this desk answers as (scheme://host:port): its Host must be one's, a change must come from one. */
  origins: () => readonly string[];
}

function originOf(request: FastifyRequest): string | undefined {
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== 'null') {
    try {
      return new URL(origin).origin;
    } catch {
      return origin;
    }
  }
  const referer = request.headers.referer;
  if (referer === undefined) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}

/** The Host header as URL.host writes it (no default port), or '' when it is none. */
function normalHost(host: string | undefined): string {
  try {
    return new URL(`http://${host}`).host;
  } catch {
    return '';
  }
}

/** Throws the refusal a request earns, or returns when it may go on. */
export function checkAccess(request: FastifyRequest, rules: AccessRules): void {
  // As URL.origin writes them (no default port), so http://localhost:80 and http://localhost are one.
  const origins = rules.origins().map((origin) => new URL(origin).origin);
  const hosts = new Set(origins.map((origin) => new URL(origin).host));
  if (!hosts.has(normalHost(request.headers.host))) {
    throw new HttpError(421, `This desk does not answer as ${request.headers.host ?? 'no host'}: open it at ${origins[0] ?? 'its own address'}`);
  }
  if (request.url.startsWith('/api/')) {
    if (rules.token === null) {
      // The CLI never listens off loopback without a token; this holds whatever started the server.
      if (!isLoopbackHost(request.socket.localAddress ?? '127.0.0.1'))
        throw new HttpError(403, 'This desk has no token and is reachable off this machine: restart it with DESK_TOKEN set');
    } else {
      const given = givenToken(request);
      if (given === undefined) throw new HttpError(401, 'The desk needs its token: open /?token=<token> once, or send Authorization: Bearer <token>');
      if (!sameSecret(given, rules.token)) throw new HttpError(401, 'The token is wrong: use the one the desk printed or DESK_TOKEN');
    }
  }
  if (STATE_CHANGING.has(request.method)) {
    const origin = originOf(request);
    if (origin === undefined || !origins.includes(origin)) {
      throw new HttpError(
        403,
        `A change must come from the desk's own page (${origins[0] ?? 'its origin'}), not ${origin ?? 'a request without Origin'}`,
      );
    }
  }
}

/** /?token=…: the token checked, then kept in an HttpOnly, SameSite=Strict cookie, and the URL cleaned of it. */
export function acceptTokenLink(request: FastifyRequest<{ Querystring: { token?: string } }>, reply: FastifyReply, token: string | null): boolean {
  const given = request.query.token;
  if (given === undefined || token === null) return false;
  if (!sameSecret(given, token)) throw new HttpError(401, 'The token in the link is wrong: use the one the desk printed or DESK_TOKEN');
  reply.header('set-cookie', `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`).redirect('/');
  return true;
}
