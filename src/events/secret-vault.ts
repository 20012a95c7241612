import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { parseSecretKeys, SecretKey } from '../config/webhook-settings';

const PREFIX = 'aesgcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const SECRET_KEY_FILE = 'webhook-secret-keys';

/**
 * Seals the secrets Rollcall must send but should not store in the clear (webhook signing secrets,
 * credentials in webhook URLs) with AES-256-GCM. A sealed value reads `aesgcm:<key id>:<base64url of
 * iv | tag | ciphertext>`, and its context (which row and column it belongs to) is authenticated
 * too, so a sealed value copied to another row does not open.
 */
@Injectable()
export class SecretVault {
  private readonly keys: Map<string, Buffer>;
  private readonly current: SecretKey;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const keys = config.webhookSecretKeys ?? keyFileOf(config.dataDir);
    this.current = keys[0];
    this.keys = new Map(keys.map((k) => [k.id, k.key]));
  }

  get currentKeyId(): string {
    return this.current.id;
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv).setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const sealed = Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    return `${PREFIX}:${this.current.id}:${sealed}`;
  }

  /** The plaintext of a sealed value; a value that is not sealed (written by a migration) as it is. */
  open(value: string, context: string): string {
    const keyId = SecretVault.keyIdOf(value);
    if (keyId === null) return value;
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`webhook secret sealed with key "${keyId}", which this process does not hold`);
    const raw = Buffer.from(value.slice(PREFIX.length + keyId.length + 2), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES))
      .setAAD(Buffer.from(context))
      .setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  }

  holds(keyId: string): boolean {
    return this.keys.has(keyId);
  }

  /** Whether a value is sealed with the current key (else it is sealed again at start-up). */
  isCurrent(value: string | null): boolean {
    return value === null || SecretVault.keyIdOf(value) === this.current.id;
  }

  static keyIdOf(value: string): string | null {
    const match = /^aesgcm:([A-Za-z0-9_-]{1,32}):/.exec(value);
    return match ? match[1] : null;
  }
}

/**
 * Without WEBHOOK_SECRET_KEYS: one key generated on first start and kept (mode 0600) in DATA_DIR,
 * in the same format. Published with link(2), so processes starting together agree on one key.
 */
function keyFileOf(dataDir: string): SecretKey[] {
  const file = join(dataDir, SECRET_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    const id = `k${randomBytes(4).toString('hex')}`;
    writeFileSync(draft, `${id}:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    try {
      linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      rmSync(draft, { force: true });
    }
  }
  const keys = parseSecretKeys(file, readFileSync(file, 'utf8').trim());
  if (!keys) throw new Error(`${file} is empty`);
  return keys;
}
