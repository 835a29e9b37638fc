// The editor's desk: a Fastify app over the scheduler's job store (contract C). Every endpoint is JSON, validated
// with the contract's zod schemas, and every refusal is { error } with one line saying the problem and the fix.
// The page (desk-web's) is optional: without one the desk is its API alone.
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { ApiError, DeskSettings } from '../contract/desk.ts';
import { KNOWN_VOICES } from '../kokoro/voice-files.ts';
import type { VideoFormat } from '../contract/video.ts';
import type { LexiconEntry } from '../lexicon/entry.ts';
import { Narrator } from '../pipeline/narrator.ts';
import { newLeaseOwner } from '../schedule/queue/lease-owner.ts';
import { JobRefusal } from '../schedule/queue/job-refusal.ts';
import type { DeskStore } from '../schedule/queue/desk-store.ts';
import { acceptTokenLink, checkAccess } from './access.ts';
import { HttpError } from './http-error.ts';
import { registerJobRoutes } from './job-routes.ts';
import { deskOpenApi } from './openapi.ts';
import { streamEvents } from './events.ts';
import { deskJob } from './job-view.ts';
import { UserError } from '../errors.ts';

export interface DeskPage {
  html: string;
  script: string;
  css: string;
}

export interface DeskServerOptions {
  store: DeskStore;
  /** The scheduler config's parts the desk uses. */
  config: {
    output: string;
    lexicon: readonly LexiconEntry[];
    allowPrivateNetworks: boolean;
    leaseSeconds: number;
    /** The formats of a submission that names none. */
    formats: VideoFormat[];
    /** The config's music bed, if it has one. */
    music?: { file: string };
  };
  /** Required off loopback (the CLI refuses to start without one); null on loopback means no auth. */
  token: string | null;
  /** Origins the desk answers as, besides the addresses it listens on (a name in front of it, a proxy). */
  origins?: readonly string[];
  /** The model session for re-synthesis, made on first edit when not given (and released with the server). */
  narrator?: Narrator;
  page?: DeskPage;
  /** How often /api/events looks at the store. */
  eventPollMs?: number;
}

/** The origins of the addresses the server listens on; a loopback address answers as localhost too. */
function listeningOrigins(app: FastifyInstance): string[] {
  return app.addresses().flatMap((info) => {
    if (typeof info === 'string') return [];
    const { address, family, port } = info;
    const host = family === 'IPv6' ? `[${address}]` : address;
    const origins = [`http://${host}:${port}`];
    if (address === '127.0.0.1' || address === '::1') origins.push(`http://localhost:${port}`);
    return origins;
  });
}

export function createDeskServer(options: DeskServerOptions): FastifyInstance {
  // forceCloseConnections: close() ends the event streams too, which never end by themselves.
  const app = Fastify({ forceCloseConnections: true, bodyLimit: 1024 * 1024 });
  const origins = () => [...(options.origins ?? []), ...listeningOrigins(app)];
  let narrator = options.narrator;
  const ownNarrator = narrator === undefined;
  // The model loads on the first edit that needs a pass, not when the desk starts.
  const narratorFor = () => {
    narrator ??= new Narrator({ device: 'cpu' });
    return narrator;
  };

  app.register(fastifyStatic, { root: options.config.output, serve: false });
  app.addHook('onRequest', async (request) => checkAccess(request, { token: options.token, origins }));
  app.setErrorHandler((error: unknown, _request, reply: FastifyReply) => {
    const answer = (status: number, message: string) => reply.status(status).send({ error: message.split('\n')[0]! } satisfies ApiError);
    if (error instanceof HttpError || error instanceof JobRefusal) return answer(error.status, error.message);
    if (error instanceof UserError) return answer(400, error.message);
    const status = (error as { statusCode?: number }).statusCode;
    // Fastify's own refusals (a body that is not JSON, one too large) keep their 4xx and say so in one line.
    if (status !== undefined && status >= 400 && status < 500) return answer(status, (error as Error).message);
    app.log.error(error);
    return answer(500, `The desk failed: ${error instanceof Error ? error.message : String(error)}; see its log`);
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || options.page === undefined)
      return reply
        .status(404)
        .send({ error: `There is no ${request.method} ${request.url.split('?')[0]}: GET /api/openapi.json lists the endpoints` });
    return reply.type('text/html; charset=utf-8').send(options.page.html);
  });

  const view = (job: Parameters<typeof deskJob>[1]) => deskJob(options.config.output, job);
  registerJobRoutes(app, {
    store: options.store,
    config: options.config,
    view,
    edit: {
      store: options.store,
      outputRoot: options.config.output,
      lexicon: options.config.lexicon,
      narrator: narratorFor,
      owner: newLeaseOwner(),
      leaseMs: options.config.leaseSeconds * 1000,
    },
  });
  const settings: DeskSettings = { formats: options.config.formats, voices: [...KNOWN_VOICES], music: options.config.music !== undefined };
  app.get('/api/settings', async () => settings);
  const openapi = deskOpenApi();
  app.get('/api/openapi.json', async () => openapi);
  app.get('/api/events', (_request, reply) => streamEvents(reply, { list: () => options.store.list(), view, pollMs: options.eventPollMs ?? 1000 }));

  const page = options.page;
  app.get('/', async (request: FastifyRequest<{ Querystring: { token?: string } }>, reply) => {
    if (acceptTokenLink(request, reply, options.token)) return reply;
    if (page === undefined) return reply.type('text/plain; charset=utf-8').send('The desk API is at /api (GET /api/openapi.json describes it).\n');
    return reply.type('text/html; charset=utf-8').send(page.html);
  });
  if (page !== undefined) {
    app.get('/assets/desk.js', async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(page.script));
    app.get('/assets/desk.css', async (_request, reply) => reply.type('text/css; charset=utf-8').send(page.css));
  }
  app.addHook('onClose', async () => {
    if (ownNarrator) await narrator?.release();
  });
  return app;
}
