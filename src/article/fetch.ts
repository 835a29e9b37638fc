// Fetching a page the way a polite reader does: a clear User-Agent, a time limit, a size limit, redirects
// followed, and only HTML accepted. Every failure says what went wrong and what to do.
import { isIP } from 'node:net';
import { fetch, type RequestInit, type Response } from 'undici';
import { UserError } from '../errors.ts';
import { isPublicAddress } from './private-address.ts';
import { PrivateAddressError, PUBLIC_ONLY_AGENT } from './public-connection.ts';

export const USER_AGENT = 'kokoro-news-video/0.1 (article narration; +https://www.npmjs.com/package/kokoro-news-video)';

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  /**
   * Which hops may reach loopback, private or link-local addresses. False for unattended fetches of addresses that
   * came from the internet (feeds, their articles, lead images): every hop, redirects included, must resolve only
   * to public addresses. A person who types a URL may point it at their own network, but only the host they typed:
   * `{ host }`, the default (the host of the URL fetched), lets that host be private and holds every other hop
   * (a redirect, the page's images) to public addresses. True lets every hop be private (the config's opt-in).
   */
  allowPrivateNetworks?: boolean | { host: string };
}

/** Whether this hop may reach a private address under the rule. */
function privateAllowed(rule: NonNullable<FetchLimits['allowPrivateNetworks']>, url: URL): boolean {
  return rule === true || (typeof rule === 'object' && url.host === rule.host);
}

const MAX_REDIRECTS = 10;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export const DEFAULT_FETCH_LIMITS: FetchLimits = { timeoutMs: 20_000, maxBytes: 5 * 1024 * 1024 };

/** What a fetch accepts: the Accept header sent and the content types taken. */
export interface ResourceKind {
  accept: string;
  contentType: RegExp;
  noun: string;
  fix: string;
}

export const HTML_PAGE: ResourceKind = {
  accept: 'text/html,application/xhtml+xml',
  contentType: /^\s*(text\/html|application\/xhtml\+xml)/i,
  noun: 'an HTML page',
  fix: "Give the URL of the article's web page",
};

export interface FetchedPage {
  url: string;
  contentType: string;
  bytes: Uint8Array;
}

/** The network or the server failed, not the address: worth another try later. */
const TRANSIENT = { transient: true };

function privateAddressRefused(url: URL, address: string): UserError {
  return new UserError(
    `${url.href} resolves to ${address}, a loopback, private or link-local address that an unattended fetch may not reach`,
    'Only the host you typed may be on a private network; in the config, set allowPrivateNetworks: true only if this source really is on your own network',
  );
}

function networkProblem(url: URL, error: unknown, limits: FetchLimits): UserError {
  const reason = (error as { cause?: unknown }).cause;
  if (reason instanceof PrivateAddressError) return privateAddressRefused(url, reason.address);
  const cause = (reason as { code?: string } | undefined)?.code ?? (error as { name?: string }).name;
  if (cause === 'ENOTFOUND' || cause === 'EAI_AGAIN')
    return new UserError(`The host ${url.hostname} could not be found (DNS)`, 'Check the URL, or your network', TRANSIENT);
  if (cause === 'ECONNREFUSED') return new UserError(`${url.host} refused the connection`, 'Check the URL and that the site is up', TRANSIENT);
  if (cause === 'TimeoutError' || cause === 'AbortError' || cause === 'UND_ERR_HEADERS_TIMEOUT' || cause === 'UND_ERR_BODY_TIMEOUT') {
    return new UserError(
      `${url.href} did not answer within ${limits.timeoutMs / 1000} s`,
      'Try again later, or save the page and pass the file to --article',
      TRANSIENT,
    );
  }
  return new UserError(
    `${url.href} could not be fetched (${cause ?? String(error)})`,
    'Check the URL, or save the page and pass the file to --article',
    TRANSIENT,
  );
}

/** A host given as an IP address is connected to without a DNS lookup, so PUBLIC_ONLY_AGENT's check never sees it. */
function refusePrivateLiteral(url: URL): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0 && !isPublicAddress(host)) throw privateAddressRefused(url, host);
}

/**
 * Follow redirects one hop at a time so each hop is checked: an IP literal here, a host name by the lookup of the
 * connection itself (PUBLIC_ONLY_AGENT), so the address checked is the address connected to.
 */
async function fetchFollowing(
  start: URL,
  init: RequestInit,
  rule: NonNullable<FetchLimits['allowPrivateNetworks']>,
  limits: FetchLimits,
): Promise<{ response: Response; url: URL }> {
  let url = start;
  for (let hop = 0; ; hop++) {
    const allowed = privateAllowed(rule, url);
    if (!allowed) refusePrivateLiteral(url);
    let response: Response;
    try {
      response = await fetch(url, { ...init, redirect: 'manual', dispatcher: allowed ? undefined : PUBLIC_ONLY_AGENT });
    } catch (error) {
      throw networkProblem(url, error, limits);
    }
    const location = response.headers.get('location');
    if (!REDIRECT_STATUSES.has(response.status) || location === null) return { response, url };
    await response.body?.cancel();
    if (hop === MAX_REDIRECTS)
      throw new UserError(`${start.href} redirects more than ${MAX_REDIRECTS} times`, 'Check the URL: the site is in a redirect loop');
    url = new URL(location, url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new UserError(`${start.href} redirects to ${url.protocol} ${url.href}`, 'Give an http(s) URL that stays on the web');
  }
}

export async function fetchPage(address: string, limits: FetchLimits = DEFAULT_FETCH_LIMITS, kind: ResourceKind = HTML_PAGE): Promise<FetchedPage> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new UserError(`"${address}" is not a URL or an existing file`, 'Pass an http(s) URL or the path of a .html, .md or .txt file');
  }
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const init: RequestInit = { signal, headers: { 'user-agent': USER_AGENT, accept: kind.accept } };
  const followed = await fetchFollowing(url, init, limits.allowPrivateNetworks ?? { host: url.host }, limits);
  const response = followed.response;
  url = followed.url;
  if (!response.ok) {
    await response.body?.cancel();
    throw new UserError(
      `${url.href} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
      'Check the URL: the page is missing or the server failed',
      // A timeout, too many requests or a server error may pass; a missing page will not.
      { transient: response.status === 408 || response.status === 429 || response.status >= 500 },
    );
  }
  const contentType = response.headers.get('content-type') ?? '';
  if (!kind.contentType.test(contentType)) {
    await response.body?.cancel();
    throw new UserError(`${url.href} is ${contentType.split(';')[0] || 'of no declared type'}, not ${kind.noun}`, kind.fix);
  }
  const declared = Number(response.headers.get('content-length'));
  if (declared > limits.maxBytes) {
    await response.body?.cancel();
    throw new UserError(`${url.href} is ${declared} bytes, over the ${limits.maxBytes}-byte limit`, 'Save the article text and pass it as a file');
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of (response.body ?? []) as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > limits.maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw new UserError(`${url.href} is over the ${limits.maxBytes}-byte limit`, 'Save the article text and pass it as a file');
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw networkProblem(url, error, limits);
  }
  return { url: url.href, contentType, bytes: Buffer.concat(chunks) };
}
