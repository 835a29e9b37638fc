// Which IP addresses an unattended fetch must not reach: loopback, private, link-local, carrier-grade NAT,
// unspecified, multicast and reserved ranges (RFC 6890's special-purpose registry, the parts that are not
// the public internet). A feed or page from the internet that points there is trying to reach this machine or
// its network (cloud metadata at 169.254.169.254, an admin page on 127.0.0.1), so it is refused. Two IPv6
// ranges carry an IPv4 address inside (NAT64's 64:ff9b::/96, 6to4's 2002::/16): a gateway may deliver them to
// that IPv4 address, so they are judged by it.
import { BlockList, isIP } from 'node:net';

const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  // Site-local, deprecated (RFC 3879) but still routed inside some networks.
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

const NAT64 = new BlockList();
NAT64.addSubnet('64:ff9b::', 96, 'ipv6');
const SIX_TO_FOUR = new BlockList();
SIX_TO_FOUR.addSubnet('2002::', 16, 'ipv6');

/** The 16 bytes of a valid IPv6 literal (`::` expanded, a trailing dotted IPv4 read as its 4 bytes). */
function ipv6Bytes(address: string): number[] {
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  const hex = dotted
    ? `${address.slice(0, dotted.index)}${((Number(dotted[1]) << 8) | Number(dotted[2])).toString(16)}:${((Number(dotted[3]) << 8) | Number(dotted[4])).toString(16)}`
    : address;
  const [head = '', tail] = hex.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':').map((group) => Number.parseInt(group, 16)));
  const words =
    tail === undefined ? groups(head) : [...groups(head), ...Array(8 - groups(head).length - groups(tail).length).fill(0), ...groups(tail)];
  return words.flatMap((word) => [word >> 8, word & 0xff]);
}

/** The IPv4 address a NAT64 or 6to4 address stands for, else null. */
function embeddedIpv4(address: string): string | null {
  const bytes = ipv6Bytes(address);
  if (NAT64.check(address, 'ipv6')) return bytes.slice(12, 16).join('.');
  if (SIX_TO_FOUR.check(address, 'ipv6')) return bytes.slice(2, 6).join('.');
  return null;
}

/** True when `address` (an IPv4 or IPv6 literal) is somewhere on the public internet. */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 0) throw new Error(`${address} is not an IP address`);
  if (family === 4) return !NOT_PUBLIC.check(bare, 'ipv4');
  const inner = embeddedIpv4(bare);
  if (inner !== null) return !NOT_PUBLIC.check(inner, 'ipv4');
  // BlockList checks IPv4-mapped IPv6 addresses (::ffff:127.0.0.1, ::ffff:7f00:1) against the IPv4 rules.
  return !NOT_PUBLIC.check(bare, 'ipv6');
}
