// Whether another process still holds what it claimed (a lease, a staging folder), judged by its pid.

/** True while a process with this pid exists, ours or another user's (EPERM: it exists, we may not signal it). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
