// Unattended fetches connect only to public addresses, checked at the moment of connecting: the DNS lookup of
// the connection itself refuses a host with any non-public address. Checking in a separate lookup beforehand
// would leave a gap: a host can answer a public address to the check and a private one to the connection (DNS
// rebinding). A host given as an IP literal is connected to without a lookup; fetch.ts checks it directly.
import { lookup as systemLookup, type LookupAddress, type LookupAllOptions, type LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { Agent } from 'undici';
import { isPublicAddress } from './private-address.ts';

/** Why a connection was not made; fetch.ts turns it into the user's message. */
export class PrivateAddressError extends Error {
  readonly code = 'EPRIVATEADDRESS';
  constructor(
    readonly hostname: string,
    readonly address: string,
  ) {
    super(`${hostname} resolves to ${address}, which is not a public address`);
  }
}

type Resolve = (
  hostname: string,
  options: LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/** A `lookup` for net.connect that resolves every address of the host and fails if any is not public. */
export function publicOnlyLookup(resolve: Resolve = systemLookup): LookupFunction {
  return (hostname, options: LookupOptions, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.find((entry) => !isPublicAddress(entry.address));
      if (refused !== undefined) return callback(new PrivateAddressError(hostname, refused.address), '', 0);
      // net.connect asks for every address when it may try both families (autoSelectFamily), else for one.
      if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** The connection pool of unattended fetches: every new connection goes through publicOnlyLookup. */
export const PUBLIC_ONLY_AGENT = new Agent({ connect: { lookup: publicOnlyLookup() } });
