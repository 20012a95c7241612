import { linkSync, readFileSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError } from '../config/app-config';
import { ensurePrivateDir } from './private-files';

/** A second process found DATA_DIR's embedded database held by a live one. */
export class DataDirInUseError extends ConfigError {}

/** Who holds the lock, as written into the lock file. */
interface Holder {
  pid: number;
  host: string;
  /** The kernel's boot id and the process's start time (Linux), so a reused pid is not taken for the holder. */
  bootId: string | null;
  processStart: string | null;
  startedAt: string;
}

/** The holder touches the lock this often; a lock untouched for HEARTBEAT_STALE_MS is a dead holder's. */
const HEARTBEAT_MS = 10_000;
const HEARTBEAT_STALE_MS = 60_000;
/** The takeover guard is held for a few file operations; one older than this was left by a crash. */
const GUARD_STALE_MS = 10_000;
/** The locks this process holds, by file. */
const heldHere = new Map<string, DataDirLock>();

function readOptional(path: string): string | null {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return null;
  }
}

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot. */
function processStart(pid: number): string | null {
  const stat = readOptional(`/proc/${pid}/stat`);
  if (stat === null) return null;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, but another user's
  }
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

/** Creates `path` with `content`, atomically and only if it does not exist: complete whenever seen. */
function createExclusive(path: string, content: string): boolean {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, content, { mode: 0o600 });
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

function unlinkIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
}

function ageMs(path: string): number | null {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

/**
 * The one process that may open DATA_DIR's embedded database: PGlite has no lock of its own, and two
 * processes on one folder each see only their own writes and corrupt it. The lock file names its
 * holder; a holder that is gone (crashed, killed) is detected — on this host by its pid and start
 * time, from another host (a shared volume) by a heartbeat gone quiet — and its lock taken over.
 */
export class DataDirLock {
  private readonly heartbeat: NodeJS.Timeout;
  private readonly releaseOnExit = () => this.release();
  private released = false;

  private constructor(
    readonly file: string,
    private readonly content: string,
  ) {
    this.heartbeat = setInterval(() => this.touch(), HEARTBEAT_MS).unref();
    heldHere.set(file, this);
    process.once('exit', this.releaseOnExit);
  }

  /**
   * Takes DATA_DIR's lock (creating the folder, owner-only), or throws DataDirInUseError naming the
   * live holder. A lock this process already holds is returned as it is: main takes it before the
   * application starts, so that a refusal is one line, and the database module finds it taken.
   */
  static async acquire(dataDir: string): Promise<DataDirLock> {
    const file = join(dataDir, 'rollcall.lock');
    const held = heldHere.get(file);
    if (held) return held;
    ensurePrivateDir(dataDir);
    const content = JSON.stringify(DataDirLock.me()) + '\n';
    for (let attempt = 0; attempt < 50; attempt += 1) {
      if (createExclusive(file, content)) return new DataDirLock(file, content);
      const seen = readOptional(file);
      if (seen === null) continue; // released meanwhile: try again
      const holder = DataDirLock.parse(seen);
      if (holder && DataDirLock.holds(file, holder)) {
        throw new DataDirInUseError(
          `DATA_DIR ${dataDir} is in use by another Rollcall process (pid ${holder.pid} on ${holder.host}, ` +
            `since ${holder.startedAt}): stop it, or give this one a DATA_DIR of its own`,
        );
      }
      if (!(await DataDirLock.removeStale(file, seen))) await sleep(20);
    }
    throw new DataDirInUseError(
      `DATA_DIR ${dataDir}: could not take ${file}; other processes keep taking it`,
    );
  }

  /** Gives the database up: the next process may open it. Safe to call more than once. */
  release(): void {
    if (this.released) return;
    this.released = true;
    clearInterval(this.heartbeat);
    heldHere.delete(this.file);
    process.removeListener('exit', this.releaseOnExit);
    // Remove only our own lock (an operator may have deleted it and another process taken it since).
    if (readOptional(this.file) === this.content.trim()) unlinkIfPresent(this.file);
  }

  private touch(): void {
    const now = new Date();
    try {
      utimesSync(this.file, now, now);
    } catch {
      // The folder is gone or unwritable; the database's own writes will report it.
    }
  }

  private static me(): Holder {
    return {
      pid: process.pid,
      host: hostname(),
      bootId: readOptional('/proc/sys/kernel/random/boot_id'),
      processStart: processStart(process.pid),
      startedAt: new Date().toISOString(),
    };
  }

  private static parse(text: string): Holder | null {
    try {
      const holder = JSON.parse(text) as Partial<Holder>;
      return typeof holder.pid === 'number' && typeof holder.host === 'string' ? (holder as Holder) : null;
    } catch {
      return null; // unreadable: left by a crash while it was written by an older version
    }
  }

  /** Whether the process that wrote `holder` into `file` still runs. */
  private static holds(file: string, holder: Holder): boolean {
    const me = DataDirLock.me();
    if (holder.host !== me.host) {
      const age = ageMs(file);
      return age !== null && age < HEARTBEAT_STALE_MS;
    }
    if (holder.bootId && me.bootId && holder.bootId !== me.bootId) return false; // the machine restarted
    // Our own pid: this process, or a previous life of this container (pid 1 again after a restart).
    if (holder.pid === process.pid) return heldHere.has(file);
    if (!isAlive(holder.pid)) return false;
    const start = processStart(holder.pid);
    return !holder.processStart || !start || start === holder.processStart;
  }

  /**
   * Deletes the stale lock whose text was `seen`, under a guard file so that of two processes taking
   * over at once, one deletes it and the other then finds the winner's live lock. Returns false when
   * another process holds the guard.
   */
  private static async removeStale(file: string, seen: string): Promise<boolean> {
    const guard = `${file}.takeover`;
    if (!createExclusive(guard, String(process.pid))) {
      const age = ageMs(guard);
      if (age !== null && age > GUARD_STALE_MS) unlinkIfPresent(guard);
      return false;
    }
    try {
      if (readOptional(file) === seen) unlinkIfPresent(file);
    } finally {
      unlinkIfPresent(guard);
    }
    await sleep(0);
    return true;
  }
}
