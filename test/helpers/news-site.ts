// A small news site on 127.0.0.1 for the scheduler tests: an RSS 2.0 feed and an Atom feed listing article
// pages, each a real-shaped HTML article just over the extractor's 500-character minimum (short, so narration
// and rendering stay fast). Items can be added while it runs, as a newsroom publishes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { send, startServer, type TestServer } from './server.ts';

export interface SiteItem {
  slug: string;
  title: string;
  guid: string;
  publishedAt: Date;
}

const BODY = [
  'El ayuntamiento presentó ayer un plan para renovar las bibliotecas de los barrios, con más horas de apertura y nuevos espacios de estudio.',
  'Las obras comenzarán en primavera y durarán unos seis meses, según explicó la concejala de Cultura en una rueda de prensa.',
  'Los vecinos podrán seguir usando los servicios durante las obras, porque cada sala cerrará por turnos y nunca más de dos a la vez.',
  'El presupuesto total asciende a tres millones de euros, financiados en parte con fondos europeos y regionales.',
];

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function articleHtml(title: string): string {
  return `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta property="og:site_name" content="Diario de Prueba"></head><body><header><nav><a href="/">Portada</a></nav></header>
<main><article><h1>${escapeHtml(title)}</h1>${BODY.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('')}</article></main>
<footer><p>© Diario de Prueba</p></footer></body></html>`;
}

export function rssFeed(site: string, items: SiteItem[]): string {
  const entries = items
    .map(
      (item) =>
        `<item><title>${escapeHtml(item.title)}</title><link>${site}/articulos/${item.slug}.html</link><guid isPermaLink="false">${escapeHtml(item.guid)}</guid><pubDate>${item.publishedAt.toUTCString()}</pubDate><description>Resumen.</description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Diario de Prueba</title><link>${site}/</link><description>Portada</description>\n${entries}\n</channel></rss>`;
}

export function atomFeed(site: string, items: SiteItem[]): string {
  const entries = items
    .map(
      (item) =>
        `<entry><title>${escapeHtml(item.title)}</title><id>${escapeHtml(item.guid)}</id><link rel="alternate" href="${site}/articulos/${item.slug}.html"/><published>${item.publishedAt.toISOString()}</published><updated>${item.publishedAt.toISOString()}</updated></entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Diario de Prueba</title><id>urn:diario</id><updated>${new Date().toISOString()}</updated>\n${entries}\n</feed>`;
}

export interface NewsSite {
  server: TestServer;
  items: SiteItem[];
  /** Publish a new article (it appears in both feeds). */
  publish(title: string, publishedAt?: Date): SiteItem;
  /** How many times each article page was requested. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

export async function startNewsSite(
  extraRoutes: Record<string, (request: IncomingMessage, response: ServerResponse) => void> = {},
): Promise<NewsSite> {
  const items: SiteItem[] = [];
  const hits = new Map<string, number>();
  let base = '';
  const routes: Record<string, (request: IncomingMessage, response: ServerResponse) => void> = {
    '/rss.xml': (request, response) => send(rssFeed(base, items), 'application/rss+xml; charset=utf-8')(request, response),
    '/atom.xml': (request, response) => send(atomFeed(base, items), 'application/atom+xml')(request, response),
    ...extraRoutes,
  };
  const server = await startServer(
    new Proxy(routes, {
      get(target, route: string) {
        const article = /^\/articulos\/(.+)\.html$/.exec(route);
        const item = article ? items.find((candidate) => candidate.slug === article[1]) : undefined;
        if (item === undefined) return target[route];
        return (request: IncomingMessage, response: ServerResponse) => {
          hits.set(item.slug, (hits.get(item.slug) ?? 0) + 1);
          send(articleHtml(item.title), 'text/html; charset=utf-8')(request, response);
        };
      },
    }),
  );
  base = server.url('').replace(/\/$/, '');
  return {
    server,
    items,
    hits,
    publish(title, publishedAt = new Date()) {
      const slug = `noticia-${items.length + 1}`;
      const item = { slug, title, guid: `urn:diario:${slug}`, publishedAt };
      items.unshift(item);
      return item;
    },
    close: () => server.close(),
  };
}
