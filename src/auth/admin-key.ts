import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { ensurePrivateDir } from '../database/private-files';

export const ADMIN_KEY = Symbol('ADMIN_KEY');

/** The file that keeps the SHA-256 of a generated admin key (hex); the key itself is never stored. */
export const ADMIN_KEY_HASH_FILE = 'admin-api-key.sha256';
/** Where releases before hashing kept the key itself; converted to a hash on the next start. */
const LEGACY_KEY_FILE = 'admin-api-key';
/** A file-kept hash is looked at again at most this often, so a rotation applies without a restart. */
const RECHECK_MS = 2000;

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

function writeHash(dataDir: string, key: string): string {
  ensurePrivateDir(dataDir);
  const file = join(dataDir, ADMIN_KEY_HASH_FILE);
  // Written beside and renamed, so a reader never sees half a hash.
  writeFileSync(`${file}.tmp`, sha256(key).toString('hex') + '\n', { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
  return file;
}

function newKey(): string {
  return 'rca_' + randomBytes(32).toString('base64url');
}

/**
 * The admin API key, known by its SHA-256 only: from ADMIN_API_KEY, or generated once with its hash
 * kept (mode 0600) in DATA_DIR. `generated` holds the key itself on the start that made it, the one
 * time it is shown (on stderr, never through the logger).
 */
export class AdminKey {
  private checkedAt = 0;
  private mtimeMs = 0;

  private constructor(
    private hash: Buffer,
    readonly file: string | null,
    readonly generated: string | null,
  ) {
    if (file) this.mtimeMs = statSync(file).mtimeMs;
  }

  static resolve(config: AppConfig): AdminKey {
    if (config.adminApiKey) return new AdminKey(sha256(config.adminApiKey), null, null);
    const file = join(config.dataDir, ADMIN_KEY_HASH_FILE);
    if (existsSync(file)) return new AdminKey(AdminKey.read(file), file, null);
    const legacy = join(config.dataDir, LEGACY_KEY_FILE);
    if (existsSync(legacy)) {
      // The same key keeps working; only its hash stays on disk.
      writeHash(config.dataDir, readFileSync(legacy, 'utf8').trim());
      unlinkSync(legacy);
      return new AdminKey(AdminKey.read(file), file, null);
    }
    const key = newKey();
    writeHash(config.dataDir, key);
    return new AdminKey(sha256(key), file, key);
  }

  /** Replaces the kept hash with a new key's and answers the key (`npm run admin-key:rotate`). */
  static rotate(config: AppConfig): string {
    const key = newKey();
    writeHash(config.dataDir, key);
    return key;
  }

  private static read(file: string): Buffer {
    const hex = readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`${file} does not hold a SHA-256 in hex`);
    return Buffer.from(hex, 'hex');
  }

  /** Whether `given` is the key. Comparing hashes keeps both sides one length for timingSafeEqual. */
  matches(given: string): boolean {
    this.reloadIfRotated();
    return timingSafeEqual(sha256(given), this.hash);
  }

  private reloadIfRotated(): void {
    const now = Date.now();
    if (!this.file || now - this.checkedAt < RECHECK_MS) return;
    this.checkedAt = now;
    try {
      const mtimeMs = statSync(this.file).mtimeMs;
      if (mtimeMs === this.mtimeMs) return;
      this.hash = AdminKey.read(this.file);
      this.mtimeMs = mtimeMs;
    } catch {
      // A file being replaced or unreadable for a moment: keep the hash known so far.
    }
  }
}
