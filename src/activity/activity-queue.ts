import type { ActivityRecord, Observation } from './activity-record';
import type { ClientKind } from './client-recognition';
import { keptText } from './kept-text';

/** A tenant's requests and failures in one minute (`activity_minute`). */
export interface MinuteCount {
  tenantId: string;
  minute: Date;
  requests: number;
  errors: number;
}

/** What a batch changes in a tenant's connection summary (`activity_connection`): the newest wins. */
export interface ConnectionDelta {
  tenantId: string;
  firstAt: Date;
  firstClient: ClientKind;
  lastAt: Date;
  lastClient: ClientKind;
  lastStatus: number;
  lastSuccess: { at: Date; client: ClientKind } | null;
  lastFailure: {
    at: Date;
    client: ClientKind;
    status: number;
    detail: string | null;
    code: string | null;
    entryId: string;
  } | null;
  lastToken: { id: string; at: Date } | null;
}

/** What one flush writes, in one transaction. */
export interface ActivityBatch {
  records: ActivityRecord[];
  minutes: MinuteCount[];
  connections: ConnectionDelta[];
  /** Queue places it holds (one a listed entry or a tally), and the bytes of its bodies. */
  size: number;
  bodyBytes: number;
  /** Requests it stands for (a tally stands for its count). */
  requests: number;
}

const newer = <T extends { at: Date }>(a: T | null, b: T | null): T | null =>
  !a ? b : !b ? a : b.at >= a.at ? b : a;

function mergeConnection(into: ConnectionDelta, other: ConnectionDelta): void {
  if (other.firstAt < into.firstAt) {
    into.firstAt = other.firstAt;
    into.firstClient = other.firstClient;
  }
  if (other.lastAt >= into.lastAt) {
    into.lastAt = other.lastAt;
    into.lastClient = other.lastClient;
    into.lastStatus = other.lastStatus;
  }
  into.lastSuccess = newer(into.lastSuccess, other.lastSuccess);
  into.lastFailure = newer(into.lastFailure, other.lastFailure);
  into.lastToken = newer(into.lastToken, other.lastToken);
}

/** A request that adds to a tally already waiting: its count, times, and latest client details. */
function addToTally(tally: ActivityRecord, observation: Observation): void {
  tally.count += 1;
  tally.durationMs = Math.max(tally.durationMs, observation.durationMs);
  if (observation.at >= tally.lastAt) {
    tally.lastAt = observation.at;
    if (observation.userAgent !== tally.userAgent) tally.userAgent = keptText(observation.userAgent, 300);
    tally.tokenId = observation.tokenId ?? tally.tokenId;
  }
}

function mergeTally(into: ActivityRecord, other: ActivityRecord): void {
  into.count += other.count;
  into.durationMs = Math.max(into.durationMs, other.durationMs);
  if (other.lastAt >= into.lastAt) {
    into.lastAt = other.lastAt;
    into.userAgent = other.userAgent;
    into.tokenId = other.tokenId ?? into.tokenId;
  }
  if (other.at < into.at) into.at = other.at;
}

const bodyBytesOf = (r: ActivityRecord) => (r.requestBody?.length ?? 0) + (r.responseBody?.length ?? 0);

/**
 * The activity log's bounded memory between requests and the database. It holds at most `capacity`
 * places (a listed entry, or a per-minute tally however many requests it counts) and `maxBodyBytes`
 * of bodies, counting what a flush has taken until it is settled; beyond that a request is dropped
 * and counted, never waited for. A flush that fails gives its batch back, merged with what came since.
 */
export class ActivityQueue {
  private listed: ActivityRecord[] = [];
  /** Tallies waiting, by tenant and tally key. */
  private readonly tallies = new Map<string, ActivityRecord>();
  private readonly tallyKeys = new WeakMap<ActivityRecord, string>();
  private readonly minutes = new Map<string, MinuteCount>();
  private readonly connections = new Map<string, ConnectionDelta>();
  private bodyBytes = 0;
  private inFlight = { size: 0, bodyBytes: 0 };
  /** Requests whose entry was dropped since start. */
  dropped = 0;

  constructor(
    private readonly capacity: number,
    private readonly maxBodyBytes: number,
  ) {}

  /** Places held, those being written included. */
  get size(): number {
    return this.listed.length + this.tallies.size + this.inFlight.size;
  }

  /** Places waiting to be taken. */
  get waiting(): number {
    return this.listed.length + this.tallies.size;
  }

  /** Queues the request's entry (or adds it to its tally); false when it was dropped. */
  add(observation: Observation): boolean {
    const key = observation.tallyKey === null ? null : `${observation.tenantId} ${observation.tallyKey}`;
    let record = key === null ? undefined : this.tallies.get(key);
    if (record) {
      addToTally(record, observation);
    } else {
      if (this.size >= this.capacity) return this.drop();
      record = observation.record();
      const bytes = bodyBytesOf(record);
      if (this.bodyBytes + this.inFlight.bodyBytes + bytes > this.maxBodyBytes) return this.drop();
      if (key === null) {
        this.listed.push(record);
      } else {
        this.tallies.set(key, record);
        this.tallyKeys.set(record, key);
      }
      this.bodyBytes += bytes;
    }
    this.countMinute(observation.tenantId, observation.at, 1, observation.status >= 400 ? 1 : 0);
    this.noteConnection(observation, record);
    return true;
  }

  private drop(): false {
    this.dropped += 1;
    return false;
  }

  /** Takes up to `max` entries (and every pending total) for a flush; null when nothing waits. */
  take(max: number): ActivityBatch | null {
    if (this.waiting === 0) return null;
    const records = this.listed.splice(0, max);
    for (const [key, tally] of this.tallies) {
      if (records.length >= max) break;
      records.push(tally);
      this.tallies.delete(key);
    }
    const batch: ActivityBatch = {
      records,
      minutes: [...this.minutes.values()],
      connections: [...this.connections.values()],
      size: records.length,
      bodyBytes: records.reduce((sum, r) => sum + bodyBytesOf(r), 0),
      requests: records.reduce((sum, r) => sum + r.count, 0),
    };
    this.minutes.clear();
    this.connections.clear();
    this.bodyBytes -= batch.bodyBytes;
    this.inFlight = {
      size: this.inFlight.size + batch.size,
      bodyBytes: this.inFlight.bodyBytes + batch.bodyBytes,
    };
    return batch;
  }

  /** The batch was written. */
  settle(batch: ActivityBatch): void {
    this.inFlight = {
      size: this.inFlight.size - batch.size,
      bodyBytes: this.inFlight.bodyBytes - batch.bodyBytes,
    };
  }

  /** The batch could not be written and will not be: its requests count as dropped. */
  discard(batch: ActivityBatch): void {
    this.settle(batch);
    this.dropped += batch.requests;
  }

  /** The batch could not be written yet: it goes back in front, merged with what came since. */
  giveBack(batch: ActivityBatch): void {
    this.settle(batch);
    const listed = batch.records.filter((r) => !r.aggregated);
    this.listed = [...listed, ...this.listed];
    for (const record of batch.records.filter((r) => r.aggregated)) {
      const key = this.tallyKeys.get(record) as string;
      const since = this.tallies.get(key);
      if (since) {
        mergeTally(since, record);
      } else {
        this.tallies.set(key, record);
      }
    }
    this.bodyBytes += batch.bodyBytes;
    for (const m of batch.minutes) this.countMinute(m.tenantId, m.minute, m.requests, m.errors);
    for (const c of batch.connections) this.mergeConnectionDelta(c);
  }

  private countMinute(tenantId: string, at: Date, requests: number, errors: number): void {
    const minute = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
    const key = `${tenantId} ${minute.getTime()}`;
    const count = this.minutes.get(key);
    if (count) {
      count.requests += requests;
      count.errors += errors;
    } else {
      this.minutes.set(key, { tenantId, minute, requests, errors });
    }
  }

  private mergeConnectionDelta(delta: ConnectionDelta): void {
    const pending = this.connections.get(delta.tenantId);
    if (pending) mergeConnection(pending, delta);
    else this.connections.set(delta.tenantId, { ...delta });
  }

  /** The request in its tenant's pending connection summary, changed in place where it can be. */
  private noteConnection(observation: Observation, record: ActivityRecord): void {
    const { at, client, status } = observation;
    const failure =
      status >= 400
        ? { at, client, status, detail: record.detail, code: record.errorCode, entryId: record.id }
        : null;
    const token = observation.authenticated && observation.tokenId ? { id: observation.tokenId, at } : null;
    const pending = this.connections.get(observation.tenantId);
    if (!pending) {
      this.connections.set(observation.tenantId, {
        tenantId: observation.tenantId,
        firstAt: at,
        firstClient: client,
        lastAt: at,
        lastClient: client,
        lastStatus: status,
        lastSuccess: failure ? null : { at, client },
        lastFailure: failure,
        lastToken: token,
      });
      return;
    }
    if (at < pending.firstAt) {
      pending.firstAt = at;
      pending.firstClient = client;
    }
    if (at >= pending.lastAt) {
      pending.lastAt = at;
      pending.lastClient = client;
      pending.lastStatus = status;
    }
    if (failure) {
      pending.lastFailure = newer(pending.lastFailure, failure);
    } else if (!pending.lastSuccess || at >= pending.lastSuccess.at) {
      pending.lastSuccess = { at, client };
    }
    if (token && (!pending.lastToken || at >= pending.lastToken.at)) pending.lastToken = token;
  }
}
