import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, Notification } from 'pg';
import { DataSource } from 'typeorm';
import { loggableError } from '../common/loggable-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { TokenCache } from './token-cache';

/** Filled by triggers on `tenant` and `tenant_token` (migration TenantAccessNotify) with a tenant id. */
const CHANNEL = 'rollcall_tenant_access';
const PROBE = 'probe:';
/** `heartbeat:<process>:<n>`: each process hears everyone's, and counts only its own. */
const HEARTBEAT = 'heartbeat:';
const PROBE_TIMEOUT_MS = 2000;
const MAX_RETRY_MS = 30_000;

/**
 * - `off`: tokens are looked up on every request (TOKEN_CACHE_SECONDS=0, or the database's
 *   notifications do not reach this process, as behind a pooler in transaction mode).
 * - `local`: the embedded database, whose only client is this process.
 * - `listening`: this process hears every revocation from the database.
 * - `reconnecting`: the listening connection was lost; lookups go to the database until it is back.
 * - `heartbeat-missed`: the connection is up but the last heartbeat went unheard (its backend is
 *   stalled, or notifications stopped): lookups go to the database until a heartbeat is heard.
 */
export type TokenCacheMode = 'off' | 'local' | 'listening' | 'reconnecting' | 'heartbeat-missed';

/**
 * Keeps the TokenCache honest across processes: it LISTENs on a connection of its own and drops a
 * tenant's tokens as soon as any process commits a change to them. The cache is open only while this
 * connection is up and has proved, by hearing its own probe, that notifications reach it; and it
 * keeps proving it: every TOKEN_CACHE_HEARTBEAT_MS a heartbeat goes out through the pool, and one not
 * heard back within as long closes the cache until one is. A notification is delivered in commit
 * order, so a heartbeat heard means every revocation committed before it was heard too.
 */
@Injectable()
export class TenantAccessChannel implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TenantAccessChannel.name);
  private client: Client | null = null;
  private probe: { payload: string; heard: () => void } | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** Connections lost or refused in a row; sets the backoff. */
  private failures = 0;
  private state: TokenCacheMode = 'off';
  private readonly instance = randomBytes(6).toString('hex');
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private beatsSent = 0;
  private beatsHeard = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cache: TokenCache,
  ) {}

  get mode(): TokenCacheMode {
    return this.state;
  }

  onApplicationBootstrap(): void {
    if (this.config.tokenCacheSeconds === 0) return;
    if (!this.config.databaseUrl) {
      this.state = 'local';
      this.cache.open();
      return;
    }
    void this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.stopHeartbeat();
    this.cache.close();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.config.databaseUrl ?? undefined,
      application_name: 'rollcall tenant access',
    });
    client.on('notification', (message: Notification) => this.heard(message.payload ?? ''));
    client.on('error', (err: Error) => this.lost(client, err));
    client.on('end', () => this.lost(client, null));
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      if (this.stopped || this.client !== client) return;
      if (!(await this.notificationsArrive())) {
        this.logger.warn(
          'token cache off: database notifications do not reach this process (a pooler in transaction mode?)',
        );
        this.client = null;
        this.state = 'off';
        // A database that multiplexes one session (PGlite) would keep delivering to other clients.
        await client.query('UNLISTEN *').catch(() => undefined);
        await client.end().catch(() => undefined);
        return;
      }
      this.failures = 0;
      this.state = 'listening';
      this.cache.open();
      this.startHeartbeat(client);
    } catch (err) {
      this.lost(client, err as Error);
    }
  }

  /** Sends a probe through the application's pool and waits to hear it on the listening connection. */
  private async notificationsArrive(): Promise<boolean> {
    const payload = PROBE + randomBytes(8).toString('hex');
    const heard = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
      this.probe = {
        payload,
        heard: () => {
          clearTimeout(timer);
          resolve(true);
        },
      };
    });
    await this.dataSource.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]);
    const arrived = await heard;
    this.probe = null;
    return arrived;
  }

  private heard(payload: string): void {
    if (payload.startsWith(PROBE)) {
      if (this.probe?.payload === payload) this.probe.heard();
      return;
    }
    if (payload.startsWith(HEARTBEAT)) {
      const [instance, n] = payload.slice(HEARTBEAT.length).split(':');
      if (instance === this.instance) this.heartbeatHeard(Number(n));
      return;
    }
    this.cache.forgetTenant(payload);
  }

  /** Each beat is sent through the pool (as revocations are) and must be heard before the next. */
  private startHeartbeat(client: Client): void {
    this.stopHeartbeat();
    const beat = () => {
      if (this.stopped || this.client !== client) return;
      if (this.beatsHeard < this.beatsSent) this.heartbeatMissed();
      this.beatsSent += 1;
      const payload = `${HEARTBEAT}${this.instance}:${this.beatsSent}`;
      // A beat that cannot be sent is one that will not be heard: the next tick finds it missing.
      this.dataSource.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]).catch(() => undefined);
      this.heartbeatTimer = setTimeout(beat, this.config.tokenCacheHeartbeatMs);
    };
    this.beatsHeard = this.beatsSent;
    this.heartbeatTimer = setTimeout(beat, this.config.tokenCacheHeartbeatMs);
  }

  private stopHeartbeat(): void {
    if (this.heartbeatTimer) clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = null;
  }

  private heartbeatMissed(): void {
    if (this.state !== 'listening') return;
    this.state = 'heartbeat-missed';
    this.cache.close();
    this.logger.warn(
      `token cache off: heartbeat ${this.beatsSent} not heard within ${this.config.tokenCacheHeartbeatMs} ms ` +
        '(the notification connection is stalled); tokens are looked up until one is heard',
    );
  }

  private heartbeatHeard(n: number): void {
    this.beatsHeard = Math.max(this.beatsHeard, n);
    if (this.state !== 'heartbeat-missed' || this.beatsHeard < this.beatsSent) return;
    this.state = 'listening';
    this.cache.open();
    this.logger.log('token cache on again: heartbeats are heard');
  }

  /** The listening connection failed: stop caching at once, then reconnect with backoff. */
  private lost(client: Client, err: Error | null): void {
    if (this.client !== client) return;
    this.client = null;
    this.stopHeartbeat();
    this.cache.close();
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.state = 'reconnecting';
    const delay = Math.min(MAX_RETRY_MS, 1000 * 2 ** this.failures);
    this.failures += 1;
    this.logger.warn(
      { err: err && loggableError(err) },
      `token cache off until the database connection for notifications is back`,
    );
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }
}
