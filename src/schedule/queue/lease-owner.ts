// Who holds a job: host, process id and a random tag. A lease held by a process of this host that no longer
// exists is dead at once (a restart after kill -9 resumes without waiting); other hosts' leases lapse when their
// heartbeat stops (sqlite-store.ts).
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { isRunning } from '../../system/process.ts';

export function newLeaseOwner(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/** True when `owner` names a process on this host that is gone. */
export function isDeadLocalOwner(owner: string): boolean {
  const [host, pid] = owner.split(':');
  return host === hostname() && pid !== undefined && Number(pid) !== process.pid && !isRunning(Number(pid));
}
