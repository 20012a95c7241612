import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What Rollcall keeps in DATA_DIR: a folder holding one of these is Rollcall's own. */
const ROLLCALL_ENTRIES = ['pgdata', 'admin-api-key.sha256', 'admin-api-key'];

/**
 * Creates `dir` (and missing parents) readable by this user only (0700). An existing folder is
 * tightened only when it is this user's and already holds Rollcall's data (one created by an older
 * version, 0755): a folder named by mistake (`/tmp`, a home directory) is left as it is.
 */
export function ensurePrivateDir(dir: string): void {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700); // the umask cannot widen 0700, but a parent's default ACL could
    return;
  }
  const stat = statSync(dir);
  const ours = process.getuid === undefined || stat.uid === process.getuid();
  if (ours && (stat.mode & 0o077) !== 0 && ROLLCALL_ENTRIES.some((e) => existsSync(join(dir, e)))) {
    chmodSync(dir, 0o700);
  }
}

/**
 * Takes every permission of group and others off the files and folders under `dir`. PGlite (through
 * Emscripten's file system) creates its files 0666 whatever the umask, so the embedded database's
 * folder is swept when it opens and when it closes; files it creates in between sit in 0700 folders.
 */
export function restrictTree(dir: string): void {
  restrict(dir);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) restrictTree(path);
    else if (!entry.isSymbolicLink()) restrict(path);
  }
}

function restrict(path: string): void {
  const mode = lstatSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) chmodSync(path, mode & 0o700);
}
