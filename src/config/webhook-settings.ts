import ipaddr from 'ipaddr.js';
import { ConfigError } from './config-error';

/** A key that seals webhook secrets (AES-256-GCM), named so a sealed value says which key opens it. */
export interface SecretKey {
  id: string;
  key: Buffer;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * `WEBHOOK_SECRET_KEYS`: `id:base64key` pairs, comma-separated; each key is 32 bytes (standard or
 * URL-safe base64). The first seals new secrets; the others only open what they sealed, so a key is
 * rotated by putting a new one first and keeping the old one until every secret is sealed again.
 */
export function parseSecretKeys(name: string, raw: string | undefined): SecretKey[] | null {
  if (raw === undefined) return null;
  const keys = raw.split(',').map((entry) => {
    const [id, encoded, ...rest] = entry.trim().split(':');
    if (!id || !KEY_ID.test(id) || !encoded || rest.length > 0) {
      throw new ConfigError(`${name} must be a comma-separated list of id:base64key, got "${entry.trim()}"`);
    }
    const key = Buffer.from(encoded, encoded.includes('-') || encoded.includes('_') ? 'base64url' : 'base64');
    if (key.length !== 32) {
      throw new ConfigError(`${name}: key "${id}" must be 32 bytes of base64, got ${key.length} bytes`);
    }
    return { id, key };
  });
  if (new Set(keys.map((k) => k.id)).size !== keys.length) {
    throw new ConfigError(`${name} names a key id twice`);
  }
  return keys;
}

/** `WEBHOOK_ALLOWED_NETWORKS`: CIDR ranges (or single addresses), comma-separated. */
export function parseNetworks(name: string, raw: string | undefined): string[] {
  if (raw === undefined) return [];
  return raw.split(',').map((entry) => {
    const value = entry.trim();
    if (ipaddr.isValidCIDR(value)) return value;
    if (ipaddr.isValid(value)) return `${value}/${ipaddr.parse(value).kind() === 'ipv4' ? 32 : 128}`;
    throw new ConfigError(`${name} must be a comma-separated list of CIDR ranges, got "${value}"`);
  });
}
