/**
 * The initial-sync scenario of webhooks: 10,000 users created through SCIM at concurrency 8 while a
 * healthy receiver on loopback (answering 200 at once) takes every event, with `maxBatchSize` 1 and
 * then 100. Reports how long after the last SCIM response the last event arrived, the delivery rate
 * and the duplicates received.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { adminPost, startServer, stopServer } from './server';

const USERS = 10_000;
const CONCURRENCY = 8;
/** Each active user makes user.created and seat.assigned. */
const EVENTS_PER_USER = 2;
const DRAIN_TIMEOUT_MS = 300_000;
const TARGET_LAG_MS: Record<number, number> = { 1: 30_000, 100: 5_000 };
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
/** A fixed key, public and for bench databases only, so runs can follow one another on one database. */
const BENCH_SEALING_KEY = `bench:${createHash('sha256').update('rollcall bench sealing key').digest('base64')}`;

export interface WebhookFigures {
  maxBatchSize: number;
  users: number;
  writeSeconds: number;
  usersPerSecond: number;
  events: number;
  posts: number;
  /** From the last SCIM response to the last user.created received. */
  lastUserCreatedAfterMs: number;
  /** From the last SCIM response to the last event of any type received. */
  lastEventAfterMs: number;
  /** Events received per second, from the first to the last (bounded by the write rate while writes go on). */
  eventsPerSecond: number;
  /** Events waiting when the writes ended, and the rate at which that backlog was delivered. */
  backlogAtLastWrite: number;
  backlogEventsPerSecond: number;
  duplicateEvents: number;
  duplicateWebhookIds: number;
  targetLagMs: number;
  met: boolean;
}

/** Counts what one endpoint's path received. */
class Tally {
  events = 0;
  posts = 0;
  userCreated = 0;
  firstAt = 0;
  lastAt = 0;
  lastUserCreatedAt = 0;
  readonly eventIds = new Set<string>();
  readonly webhookIds = new Set<string>();
  duplicateEvents = 0;
  duplicateWebhookIds = 0;

  take(webhookId: string, body: string): void {
    const now = performance.now();
    const parsed = JSON.parse(body) as
      { id: string; type: string } | { events: Array<{ id: string; type: string }> };
    const events = 'events' in parsed ? parsed.events : [parsed];
    this.posts += 1;
    if (this.webhookIds.has(webhookId)) this.duplicateWebhookIds += 1;
    this.webhookIds.add(webhookId);
    if (this.firstAt === 0) this.firstAt = now;
    this.lastAt = now;
    for (const event of events) {
      if (this.eventIds.has(event.id)) this.duplicateEvents += 1;
      this.eventIds.add(event.id);
      this.events += 1;
      if (event.type === 'user.created') {
        this.userCreated += 1;
        this.lastUserCreatedAt = now;
      }
    }
  }
}

function receiver(tallies: Map<string, Tally>): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.writeHead(200).end();
      tallies
        .get(req.url ?? '')
        ?.take(String(req.headers['webhook-id']), Buffer.concat(chunks).toString('utf8'));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

/** Creates `USERS` users at `CONCURRENCY` and answers when the last response came. */
async function createUsers(base: string, token: string, runId: string): Promise<number> {
  let next = 0;
  const worker = async () => {
    for (let n = next++; n < USERS; n = next++) {
      const res = await fetch(`${base}/Users`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
        body: JSON.stringify({
          schemas: [USER],
          userName: `sync-${runId}-${n}@bench.test`,
          name: { givenName: 'Sync', familyName: `User ${n}` },
          emails: [{ value: `sync-${runId}-${n}@bench.test`, type: 'work', primary: true }],
          active: true,
        }),
      });
      await res.arrayBuffer();
      if (res.status !== 201) throw new Error(`POST /Users answered ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return performance.now();
}

/** Runs the scenario with maxBatchSize 1 and 100 against one server with its delivery worker on. */
export async function webhookBench(
  databaseUrl: string,
  log: (line: string) => void,
): Promise<WebhookFigures[]> {
  const tallies = new Map<string, Tally>();
  const sink = await receiver(tallies);
  const adminKey = 'bench-admin-key-' + randomBytes(8).toString('hex');
  const server = await startServer(databaseUrl, adminKey, 1, {
    WEBHOOK_DELIVERY: 'true',
    WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32',
    WEBHOOK_SECRET_KEYS: BENCH_SEALING_KEY,
  });
  const results: WebhookFigures[] = [];
  const tenants: string[] = [];
  try {
    for (const maxBatchSize of [1, 100]) {
      const runId = randomBytes(4).toString('hex');
      const tenant = await adminPost(server, adminKey, '/admin/tenants', { name: `bench-webhooks-${runId}` });
      const tenantId = String(tenant.id);
      tenants.push(tenantId);
      const token = String(
        (await adminPost(server, adminKey, `/admin/tenants/${tenantId}/tokens`, {})).token,
      );
      const path = `/sync-${maxBatchSize}`;
      const tally = new Tally();
      tallies.set(path, tally);
      await adminPost(server, adminKey, `/admin/tenants/${tenantId}/webhooks`, {
        url: `${sink.url}${path}`,
        maxBatchSize,
      });
      const started = performance.now();
      const lastWrite = await createUsers(`${server.url}/scim/v2/${tenantId}`, token, runId);
      const receivedAtLastWrite = tally.events;
      const deadline = Date.now() + DRAIN_TIMEOUT_MS;
      while (tally.eventIds.size < USERS * EVENTS_PER_USER && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
      }
      const figures: WebhookFigures = {
        maxBatchSize,
        users: USERS,
        writeSeconds: round((lastWrite - started) / 1000),
        usersPerSecond: Math.round(USERS / ((lastWrite - started) / 1000)),
        events: tally.events,
        posts: tally.posts,
        lastUserCreatedAfterMs: Math.round(tally.lastUserCreatedAt - lastWrite),
        lastEventAfterMs: Math.round(tally.lastAt - lastWrite),
        eventsPerSecond: Math.round(tally.events / ((tally.lastAt - tally.firstAt) / 1000)),
        backlogAtLastWrite: USERS * EVENTS_PER_USER - receivedAtLastWrite,
        backlogEventsPerSecond: Math.round(
          (tally.events - receivedAtLastWrite) / Math.max(0.001, (tally.lastAt - lastWrite) / 1000),
        ),
        duplicateEvents: tally.duplicateEvents,
        duplicateWebhookIds: tally.duplicateWebhookIds,
        targetLagMs: TARGET_LAG_MS[maxBatchSize],
        met:
          tally.userCreated >= USERS &&
          tally.lastUserCreatedAt - lastWrite <= TARGET_LAG_MS[maxBatchSize] &&
          tally.duplicateEvents === 0,
      };
      if (tally.eventIds.size < USERS * EVENTS_PER_USER) {
        log(
          `  webhooks: only ${tally.eventIds.size} of ${USERS * EVENTS_PER_USER} events within ${DRAIN_TIMEOUT_MS} ms`,
        );
        figures.met = false;
      }
      results.push(figures);
      log(
        `  webhooks maxBatchSize ${maxBatchSize}: ${figures.usersPerSecond} users/s written; last user.created ` +
          `${figures.lastUserCreatedAfterMs} ms after the last write (target ${figures.targetLagMs}), ` +
          `${figures.eventsPerSecond} events/s, ${figures.posts} POSTs, duplicates ${figures.duplicateEvents}`,
      );
    }
  } finally {
    // The scenario's tenants go again (with their users, events and endpoints), so runs do not pile up.
    for (const id of tenants) {
      await fetch(`${server.url}/admin/tenants/${id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${adminKey}` },
      });
    }
    await stopServer(server);
    await new Promise((r) => sink.server.close(r));
  }
  return results;
}

export function webhookMarkdown(rows: WebhookFigures[]): string {
  const lines = [
    '| maxBatchSize | users/s written | events | POSTs | last user.created after last write | last event after last write | events/s | backlog at last write | its events/s | duplicates | target | met |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.maxBatchSize} | ${r.usersPerSecond} | ${r.events} | ${r.posts} | ${r.lastUserCreatedAfterMs} ms | ` +
        `${r.lastEventAfterMs} ms | ${r.eventsPerSecond} | ${r.backlogAtLastWrite} | ${r.backlogEventsPerSecond} | ` +
        `${r.duplicateEvents} | ≤ ${r.targetLagMs} ms | ${r.met ? 'yes' : 'no'} |`,
    );
  }
  return lines.join('\n');
}

const round = (n: number) => Math.round(n * 100) / 100;
