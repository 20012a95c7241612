import { isAbsolute, resolve } from 'node:path';
import { ConfigError } from './config-error';
import { parseNetworks, parseSecretKeys, SecretKey } from './webhook-settings';
import { loadPortalConfig, PortalConfig } from './portal-config';

/** Log levels pino understands; `silent` turns logging off (tests). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Injection token of the AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** Typed configuration, read once from the environment at start-up. */
export interface AppConfig {
  port: number;
  /** A PostgreSQL server; null means the embedded database under `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  publicUrl: string;
  /** null: generated on first start and kept in `dataDir`. */
  adminApiKey: string | null;
  logLevel: LogLevel;
  runMigrations: boolean;
  /** A JSON file declaring extra User extension schemas, or null. */
  scimExtensionsFile: string | null;
  /** Connections in each process's pool (server mode; embedded always uses one). */
  databasePoolSize: number;
  /**
   * Hot statements run as named prepared statements. Off for the embedded database (one session
   * shared by every connection) and behind a pooler in transaction mode (PgBouncer).
   */
  databasePreparedStatements: boolean;
  /** HTTP worker processes (node:cluster); more than one needs a PostgreSQL server. */
  webConcurrency: number;
  /** Whether this process runs the webhook delivery worker. */
  webhookDelivery: boolean;
  /** How often an idle worker looks for endpoints with due deliveries. */
  webhookPollMs: number;
  /** The first retry delay; each further failure doubles it (capped at an hour), with jitter. */
  webhookRetryBaseMs: number;
  /** How long a receiver has to answer one POST (connection, request and response headers). */
  webhookTimeoutMs: number;
  /** Endpoints one process delivers to at the same time. */
  webhookConcurrency: number;
  /** An endpoint whose deliveries have failed for this long is disabled (its deliveries are kept). */
  webhookRetryWindowMs: number;
  /** Networks (CIDR) webhook URLs may reach although private, loopback or link-local. */
  webhookAllowedNetworks: string[];
  /** The keys that seal webhook secrets, the first sealing; null: one generated in `dataDir`. */
  webhookSecretKeys: SecretKey[] | null;
  /** Events older than this many days are deleted (0: kept for ever), unless a delivery needs them. */
  eventRetentionDays: number;
  /** How often a process numbers events a write committed but did not number (it died, or waited too long). */
  eventSweepMs: number;
  /**
   * How long a process keeps a verified bearer token in memory (0: never). Revocation, expiry and a
   * tenant's disabling still take effect at once: see TokenCache.
   */
  tokenCacheSeconds: number;
  /** Each tenant's SCIM requests a second, sustained (per process); a tenant's own setting overrides it. */
  scimRatePerSecond: number;
  /** Requests a tenant may send at once above the sustained rate (the bucket's size). */
  scimRateBurst: number;
  /** Failed authentications one client address may make against one tenant at once. */
  authFailureBurst: number;
  /** Failed authentications a minute one client address regains against one tenant. */
  authFailuresPerMinute: number;
  /** Express's `trust proxy`: whether (and which) X-Forwarded-For hops give the client address. */
  trustProxy: boolean | number | string[];
  /** How long SIGTERM waits for in-flight requests before closing their connections. */
  shutdownGraceMs: number;
  /** The tenant admin portal (src/portal): its links, sessions, framing and branding. */
  portal: PortalConfig;
  /** How often the token-revocation listener sends itself a heartbeat; one unheard turns the cache off. */
  tokenCacheHeartbeatMs: number;
  /** Server-side `statement_timeout` of the app's connections (migrations have none). */
  databaseStatementTimeoutMs: number;
  /** Longest wait for a pooled connection (or a new one to open), and for a tenant's turn. */
  databaseAcquireTimeoutMs: number;
  /** A request's deadline for database work: past it, its statements are cut and it answers 503. */
  requestTimeoutMs: number;
  /** Requests of one tenant served at once; the others wait their turn (DATABASE_ACQUIRE_TIMEOUT_MS). */
  tenantMaxConcurrency: number;
  /** The provisioning activity log (src/activity). */
  activity: ActivityConfig;
  /** Bulk requests (RFC 7644 §3.7), as ServiceProviderConfig advertises them. */
  bulk: BulkConfig;
}

/** The limits of one Bulk request (BULK_* variables); over either, it is answered 413. */
export interface BulkConfig {
  maxOperations: number;
  /** Bytes of the request body; the other SCIM routes keep their own 1 MB limit. */
  maxPayloadSize: number;
}

/** What the activity log keeps, and how it writes (ACTIVITY_* variables). */
export interface ActivityConfig {
  /** Record SCIM requests at all (false: nothing is recorded; what is kept stays readable). */
  enabled: boolean;
  /** Which requests keep their (redacted) bodies: failures only, every request, or none. */
  bodies: 'errors' | 'all' | 'none';
  /** Each kept body is cut at this many bytes, and marked truncated. */
  bodyMaxBytes: number;
  /** Successful reads: counted per minute (`counted`), or one entry each (`all`). */
  reads: 'counted' | 'all';
  retentionDays: number;
  /** Entries waiting in memory at most; beyond it new ones are dropped and counted. */
  queueSize: number;
  /** How often the queue is written out, and how many entries go in one INSERT. */
  flushMs: number;
  batchSize: number;
}

export { ConfigError };

export type Env = Record<string, string | undefined>;

export function text(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = text(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = text(env, name);
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a URL, got "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must be a ${protocols.join(' or ')} URL`);
  }
  return raw;
}

function choice<T extends string>(env: Env, name: string, choices: readonly T[], fallback: T): T {
  const raw = text(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (!(choices as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${choices.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function activityConfig(env: Env): ActivityConfig {
  return {
    enabled: flag(env, 'ACTIVITY_LOG', true),
    bodies: choice(env, 'ACTIVITY_BODIES', ['errors', 'all', 'none'] as const, 'errors'),
    bodyMaxBytes: integer(env, 'ACTIVITY_BODY_MAX_BYTES', 16_384, 256, 1_048_576),
    reads: choice(env, 'ACTIVITY_READS', ['counted', 'all'] as const, 'counted'),
    retentionDays: integer(env, 'ACTIVITY_RETENTION_DAYS', 30, 1, 3650),
    queueSize: integer(env, 'ACTIVITY_QUEUE_SIZE', 10_000, 1, 1_000_000),
    flushMs: integer(env, 'ACTIVITY_FLUSH_MS', 200, 10, 600_000),
    batchSize: integer(env, 'ACTIVITY_BATCH_SIZE', 500, 1, 5000),
  };
}

/** TRUST_PROXY: false (default), true, a hop count, or addresses/subnets (as Express's `trust proxy`). */
function trustProxy(env: Env): boolean | number | string[] {
  const raw = text(env, 'TRUST_PROXY');
  if (raw === undefined || ['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  if (['true', 'yes'].includes(raw.toLowerCase())) return true;
  if (/^\d+$/.test(raw)) return integer(env, 'TRUST_PROXY', 0, 0, 10);
  const entries = raw.split(',').map((e) => e.trim());
  const valid = /^(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?)$/;
  const bad = entries.find((e) => !valid.test(e));
  if (bad !== undefined) {
    throw new ConfigError(
      `TRUST_PROXY must be true, false, a hop count, or addresses/subnets separated by commas, got "${bad}"`,
    );
  }
  return entries;
}

/** Reads and validates the environment; throws a ConfigError naming the first bad variable. */
export function loadAppConfig(env: Env = process.env): AppConfig {
  const port = integer(env, 'PORT', 3000, 1, 65535);
  const dataDirRaw = text(env, 'DATA_DIR') ?? './data';
  const logLevel = (text(env, 'LOG_LEVEL') ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const adminApiKey = text(env, 'ADMIN_API_KEY') ?? null;
  if (adminApiKey !== null && adminApiKey.length < 16) {
    throw new ConfigError('ADMIN_API_KEY must be at least 16 characters long');
  }
  const publicUrl = url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`;
  const extensions = text(env, 'SCIM_EXTENSIONS_FILE');
  const poolSize = integer(env, 'DATABASE_POOL_SIZE', 10, 1, 200);
  return {
    port,
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']) ?? null,
    dataDir: isAbsolute(dataDirRaw) ? dataDirRaw : resolve(dataDirRaw),
    publicUrl: publicUrl.replace(/\/+$/, ''),
    adminApiKey,
    logLevel: logLevel as LogLevel,
    runMigrations: flag(env, 'RUN_MIGRATIONS', true),
    scimExtensionsFile: extensions ? resolve(extensions) : null,
    databasePoolSize: poolSize,
    databasePreparedStatements: flag(env, 'DATABASE_PREPARED_STATEMENTS', true),
    webConcurrency: integer(env, 'WEB_CONCURRENCY', 1, 1, 64),
    webhookDelivery: flag(env, 'WEBHOOK_DELIVERY', true),
    webhookPollMs: integer(env, 'WEBHOOK_POLL_MS', 500, 10, 600_000),
    webhookRetryBaseMs: integer(env, 'WEBHOOK_RETRY_BASE_MS', 10_000, 0, 3_600_000),
    webhookTimeoutMs: integer(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
    webhookConcurrency: integer(env, 'WEBHOOK_CONCURRENCY', 16, 1, 256),
    webhookRetryWindowMs: integer(env, 'WEBHOOK_RETRY_WINDOW_HOURS', 24, 1, 720) * 3_600_000,
    webhookAllowedNetworks: parseNetworks('WEBHOOK_ALLOWED_NETWORKS', text(env, 'WEBHOOK_ALLOWED_NETWORKS')),
    webhookSecretKeys: parseSecretKeys('WEBHOOK_SECRET_KEYS', text(env, 'WEBHOOK_SECRET_KEYS')),
    eventRetentionDays: integer(env, 'EVENT_RETENTION_DAYS', 30, 0, 36_500),
    eventSweepMs: integer(env, 'EVENT_SWEEP_MS', 1000, 10, 600_000),
    tokenCacheSeconds: integer(env, 'TOKEN_CACHE_SECONDS', 60, 0, 3600),
    scimRatePerSecond: integer(env, 'SCIM_RATE_LIMIT_PER_SECOND', 50, 0, 1_000_000),
    scimRateBurst: integer(env, 'SCIM_RATE_LIMIT_BURST', 1000, 1, 10_000_000),
    authFailureBurst: integer(env, 'AUTH_FAILURE_BURST', 20, 1, 100_000),
    authFailuresPerMinute: integer(env, 'AUTH_FAILURES_PER_MINUTE', 10, 1, 100_000),
    trustProxy: trustProxy(env),
    shutdownGraceMs: integer(env, 'SHUTDOWN_GRACE_SECONDS', 10, 0, 600) * 1000,
    portal: loadPortalConfig(env, publicUrl),
    tokenCacheHeartbeatMs: integer(env, 'TOKEN_CACHE_HEARTBEAT_MS', 2000, 100, 60_000),
    databaseStatementTimeoutMs: integer(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 5000, 100, 3_600_000),
    databaseAcquireTimeoutMs: integer(env, 'DATABASE_ACQUIRE_TIMEOUT_MS', 5000, 100, 600_000),
    requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 30_000, 100, 3_600_000),
    // Half the pool by default: one tenant's slow requests leave the other half to everyone else.
    tenantMaxConcurrency: integer(
      env,
      'TENANT_MAX_CONCURRENCY',
      Math.max(1, Math.floor(poolSize / 2)),
      1,
      poolSize,
    ),
    activity: activityConfig(env),
    bulk: {
      maxOperations: integer(env, 'BULK_MAX_OPERATIONS', 1000, 1, 10_000),
      maxPayloadSize: integer(env, 'BULK_MAX_PAYLOAD_BYTES', 1_048_576, 1024, 104_857_600),
    },
  };
}
