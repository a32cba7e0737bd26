// Who a process is, beyond its pid: pids are reused (after a reboot, or once the counter wraps),
// so a lock names its owner by pid, start time and boot, and a pid now running something that
// started later, or one from an earlier boot, is not the owner.
import { readFileSync } from 'node:fs';
import { uptime } from 'node:os';
import { isErrno } from '../errno';

export interface ProcessIdentity {
  pid: number;
  /** When the process started: Linux clock ticks since boot (/proc/<pid>/stat field 22); null elsewhere. */
  start: string | null;
  /** Linux boot id; null elsewhere. */
  boot: string | null;
}

// A lock written this long before the computed boot time is surely from an earlier boot, even
// if the clock was set forward since (only used where the OS gives no boot id).
const BOOT_SLACK_MS = 60 * 60 * 1000;

/** This process's identity. */
export function selfIdentity(): ProcessIdentity {
  return { pid: process.pid, start: processStart(process.pid), boot: bootId() };
}

/** Start time of `pid` as the kernel records it (Linux); null when unknown or not running. */
export function processStart(pid: number): string | null {
  if (process.platform !== 'linux') return null;
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    // Gone, or /proc hides other users' processes: the caller then has only the pid.
    return null;
  }
  // The command name (field 2) is in parentheses and may itself hold spaces or ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Field 3 (state) is fields[0], so field 22 (starttime) is fields[19].
  const start = fields[19];
  return start !== undefined && /^\d+$/.test(start) ? start : null;
}

let cachedBoot: string | null | undefined;

/** The kernel's id of the current boot (Linux); null elsewhere. */
export function bootId(): string | null {
  if (cachedBoot !== undefined) return cachedBoot;
  cachedBoot = null;
  if (process.platform === 'linux') {
    try {
      cachedBoot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
    } catch {
      // No /proc (some sandboxes): fall back to the boot-time estimate.
    }
  }
  return cachedBoot;
}

/** True when a process with this pid exists (signal 0 checks without sending anything). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return isErrno(e, 'EPERM');
  }
}

/**
 * True when the process a lock names is still the one running: same boot, pid alive, and (where
 * the OS tells start times) started when the lock says. `time` is when the lock was written,
 * compared with the boot time where there is no boot id.
 */
export function isStillRunning(owner: {
  pid: number;
  start?: string | null;
  boot?: string | null;
  time?: string;
}): boolean {
  const boot = bootId();
  if (owner.boot && boot && owner.boot !== boot) return false;
  if (!owner.boot || !boot) {
    const written = Date.parse(owner.time ?? '');
    const bootedAt = Date.now() - uptime() * 1000;
    if (Number.isFinite(written) && written < bootedAt - BOOT_SLACK_MS) return false;
  }
  if (!isProcessAlive(owner.pid)) return false;
  if (owner.start) {
    const start = processStart(owner.pid);
    // Unknown (hidden /proc): the pid is alive, so it is taken to be the owner.
    if (start !== null && start !== owner.start) return false;
  }
  return true;
}
