import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { ensurePrivateDir } from '../database/private-files';

export const ADMIN_KEY = Symbol('ADMIN_KEY');

export interface AdminKey {
  value: string;
  /** Where a generated key is kept, or null when it comes from ADMIN_API_KEY. */
  file: string | null;
  /** True on the start that generated it: the only time it is printed. */
  generated: boolean;
}

/** ADMIN_API_KEY, or a key generated once and kept (mode 0600) in DATA_DIR. */
export function resolveAdminKey(config: AppConfig): AdminKey {
  if (config.adminApiKey) return { value: config.adminApiKey, file: null, generated: false };
  const file = join(config.dataDir, 'admin-api-key');
  if (existsSync(file)) return { value: readFileSync(file, 'utf8').trim(), file, generated: false };
  ensurePrivateDir(config.dataDir);
  const value = 'rca_' + randomBytes(32).toString('base64url');
  writeFileSync(file, value + '\n', { mode: 0o600 });
  return { value, file, generated: true };
}
