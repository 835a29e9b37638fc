// Keeps this process's servers off the network. Remotion 4.0.527 serves the bundle, its /proxy?src= endpoint
// (which fetches any URL and returns what it gets) and its video frames on 0.0.0.0 or :: during every render,
// and in Studio, with no option or variable to change it (its port-config picks the host; the ESM build gives no
// way in). Anyone who reached the machine while it rendered would have a proxy into its network. Every server of
// this process that asks to listen on all interfaces is bound to loopback instead; the renderer's own browser
// reaches it at localhost as before.
import net from 'node:net';

const EVERY_INTERFACE = new Set(['0.0.0.0', '::', '']);
let installed = false;

function loopbackFor(host: string | undefined): string | undefined {
  if (host === undefined || EVERY_INTERFACE.has(host)) return host === '::' ? '::1' : '127.0.0.1';
  return host;
}

/** From now on, servers of this process asking for every interface (or none named) listen on loopback. */
export function keepServersOnLoopback(): void {
  if (installed) return;
  installed = true;
  const listen = net.Server.prototype.listen;
  net.Server.prototype.listen = function listenOnLoopback(this: net.Server, ...args: unknown[]) {
    if (args.length === 0 || typeof args[0] === 'function') args.unshift(0, loopbackFor(undefined));
    const [first, second] = args;
    if (typeof first === 'object' && first !== null && !('path' in first && (first as net.ListenOptions).path)) {
      const options = first as net.ListenOptions;
      if (options.port !== undefined || options.host !== undefined) args[0] = { ...options, host: loopbackFor(options.host) };
    } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
      // listen(port[, host][, backlog][, callback])
      if (typeof second === 'string') args[1] = loopbackFor(second);
      else args.splice(1, 0, loopbackFor(undefined));
    }
    return listen.apply(this, args as Parameters<typeof listen>);
  } as typeof listen;
}
