// npm run desk -- [--config feeds.yaml] [--port N] [--host ADDR] [--new-token]
// The editor's desk over the scheduler's job store: submit articles, review narrations, approve or reject them.
// On 127.0.0.1 by default. Anywhere else it needs a token (DESK_TOKEN, or --new-token to have one made and
// printed) and refuses to start without one: the desk can make the machine fetch pages and run the model.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Command } from 'commander';
import { createDeskServer, type DeskServerOptions } from '../desk/server.ts';
import { isLoopbackHost } from '../desk/access.ts';
import { bundleDeskPage } from '../desk/page-bundle.ts';
import { UserError } from '../errors.ts';
import { DEFAULT_LEASE_SECONDS, DEFAULT_OUTPUT, DEFAULT_QUEUE, loadConfig } from '../schedule/config.ts';
import { logLine as log } from '../schedule/log-line.ts';
import { BullmqQueue } from '../schedule/queue/bullmq-queue.ts';
import type { DeskStore } from '../schedule/queue/desk-store.ts';
import { SqliteJobStore } from '../schedule/queue/sqlite-store.ts';
import { parseOptions, runCommand } from './run.ts';

/** The formats of a submission that names none. */
const FORMATS: DeskServerOptions['config']['formats'] = ['landscape'];

interface DeskFlags {
  config?: string;
  port: string;
  host: string;
  newToken?: boolean;
  origin: string[];
}

/** The store, output and lexicon the desk works with: the config's, else the scheduler's defaults here. */
async function deskSettings(file: string | undefined): Promise<{ store: DeskStore; storeName: string; config: DeskServerOptions['config'] }> {
  if (file === undefined) {
    const storeFile = path.resolve(DEFAULT_QUEUE.slice('sqlite:'.length));
    return {
      store: new SqliteJobStore(storeFile),
      storeName: storeFile,
      config: {
        output: path.resolve(DEFAULT_OUTPUT),
        lexicon: [],
        allowPrivateNetworks: false,
        leaseSeconds: DEFAULT_LEASE_SECONDS,
        formats: FORMATS,
      },
    };
  }
  const config = { ...(await loadConfig(file)), formats: FORMATS };
  if (config.queue.kind === 'sqlite') return { store: new SqliteJobStore(config.queue.file), storeName: config.queue.file, config };
  // The desk reads and writes the workers' folders under output: on several machines, one shared folder.
  return {
    store: await BullmqQueue.open(config.queue.url, config.retry, config.leaseSeconds * 1000),
    storeName: redactedUrl(config.queue.url),
    config,
  };
}

/** A Redis URL as printed: its password left out. */
function redactedUrl(text: string): string {
  const url = new URL(text);
  if (url.password !== '') url.password = '***';
  return url.toString();
}

function originOf(text: string): string {
  try {
    return new URL(text).origin;
  } catch {
    throw new UserError(`--origin ${text} is not a URL`, 'Pass the address the page is opened at, such as http://desk.lan:4300');
  }
}

function portOf(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UserError(`--port ${text} is not a port`, 'Pass --port between 0 and 65535');
  return port;
}

async function main(): Promise<void> {
  const program = new Command('desk')
    .description("The editor's desk: a local web app and JSON API over the scheduler's job store")
    .option('--config <file>', 'the scheduler YAML config (its queue: sqlite:<file>, output and lexicon); else ./jobs.db and ./videos')
    .option('--port <n>', 'the port to listen on', '4300')
    .option('--host <addr>', 'the address to listen on; off loopback a token is required', '127.0.0.1')
    .option('--new-token', 'make a random token, print it and require it (else DESK_TOKEN, if set)')
    .option(
      '--origin <url>',
      'another origin the desk is opened at (http://desk.lan:4300), repeatable',
      (value: string, all: string[]) => [...all, originOf(value)],
      [],
    );
  const flags = parseOptions<DeskFlags>(program);
  const port = portOf(flags.port);
  const token = flags.newToken ? randomBytes(24).toString('base64url') : process.env.DESK_TOKEN?.trim() || null;
  if (token === null && !isLoopbackHost(flags.host)) {
    throw new UserError(
      `The desk would listen on ${flags.host}, off this machine, with no token`,
      'Set DESK_TOKEN or pass --new-token (anyone who can reach it could otherwise use it)',
    );
  }
  const { store, storeName, config } = await deskSettings(flags.config);
  const page = await bundleDeskPage();
  const app = createDeskServer({ store, config, token, origins: flags.origin, page });
  const stop = async () => {
    await app.close();
    await store.close();
  };
  process.once('SIGINT', () => void stop()).once('SIGTERM', () => void stop());
  try {
    await app.listen({ port, host: flags.host });
  } catch (error) {
    await store.close();
    throw new UserError(
      `The desk cannot listen on ${flags.host}:${port} (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      'Pick another --port',
    );
  }
  const address = app.addresses().find((info) => typeof info === 'object');
  const origin = `http://${flags.host.includes(':') ? `[${flags.host}]` : flags.host}:${typeof address === 'object' ? address.port : port}`;
  log(`desk: ${origin}/ over ${storeName}`);
  if (token !== null)
    log(`desk: open ${origin}/?token=${flags.newToken ? token : '<DESK_TOKEN>'} once; API clients send Authorization: Bearer <token>`);
}

await runCommand(main);
