/**
 * Bulk against single requests: 1,000 user creates in one Bulk request, and the same 1,000 creates
 * as single POSTs at concurrency 8, on one server in the same run, alternating which goes first.
 * Target (the Bulk issue): the Bulk request takes no longer than the single POSTs. Each round times
 * the two one after the other, so the ratio of a round's pair is what is compared: the median of
 * those ratios holds when the machine's load drifts between rounds.
 */
import { randomBytes } from 'node:crypto';
import { createUsers } from './load';
import { adminPost, startServer, stopServer } from './server';

const CREATES = 1000;
const CONCURRENCY = 8;
const ROUNDS = 7;
const BULK_REQUEST = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';

export interface BulkFigures {
  creates: number;
  concurrency: number;
  rounds: number;
  singlePostsMs: number[];
  bulkMs: number[];
  medianSinglePostsMs: number;
  medianBulkMs: number;
  /** Each round's Bulk time over its single-POST time. */
  roundRatios: number[];
  /** The median of roundRatios: at most 1 meets the target. */
  bulkOverSingles: number;
  met: boolean;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** POSTs `CREATES` users at `CONCURRENCY`; answers the milliseconds until the last response. */
async function singlePosts(base: string, token: string, prefix: string): Promise<number> {
  const scenario = createUsers(base, prefix);
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let n = next++; n < CREATES; n = next++) {
      const { path, body } = scenario.request(n);
      const res = await fetch(path, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
        body: JSON.stringify(body),
      });
      await res.arrayBuffer();
      if (res.status !== 201) throw new Error(`POST /Users answered ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return performance.now() - started;
}

/** The same creates in one Bulk request; answers its milliseconds, checking every operation's 201. */
async function oneBulk(base: string, token: string, prefix: string): Promise<number> {
  const scenario = createUsers(base, prefix);
  const operations = Array.from({ length: CREATES }, (_, n) => ({
    method: 'POST',
    path: '/Users',
    bulkId: `u${n}`,
    data: scenario.request(n).body,
  }));
  const started = performance.now();
  const res = await fetch(`${base}/Bulk`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
    body: JSON.stringify({ schemas: [BULK_REQUEST], Operations: operations }),
  });
  const body = (await res.json()) as { Operations?: Array<{ status: string }> };
  const elapsed = performance.now() - started;
  const created = body.Operations?.filter((o) => o.status === '201').length ?? 0;
  if (res.status !== 200 || created !== CREATES) {
    throw new Error(`Bulk answered ${res.status} with ${created} of ${CREATES} created`);
  }
  return elapsed;
}

export async function bulkBench(databaseUrl: string, log: (line: string) => void): Promise<BulkFigures> {
  const adminKey = 'bench-admin-key-' + randomBytes(8).toString('hex');
  const server = await startServer(databaseUrl, adminKey, 1);
  const runId = randomBytes(4).toString('hex');
  const tenant = await adminPost(server, adminKey, '/admin/tenants', { name: `bench-bulk-${runId}` });
  const tenantId = String(tenant.id);
  const singlePostsMs: number[] = [];
  const bulkMs: number[] = [];
  try {
    const token = String((await adminPost(server, adminKey, `/admin/tenants/${tenantId}/tokens`, {})).token);
    const base = `${server.url}/scim/v2/${tenantId}`;
    // A first round of each, not counted: the server's statements and connections warm up.
    await singlePosts(base, token, `warm-single-${runId}`);
    await oneBulk(base, token, `warm-bulk-${runId}`);
    for (let round = 0; round < ROUNDS; round += 1) {
      const single = () => singlePosts(base, token, `single-${runId}-${round}`);
      const bulk = () => oneBulk(base, token, `bulk-${runId}-${round}`);
      if (round % 2 === 0) {
        singlePostsMs.push(await single());
        bulkMs.push(await bulk());
      } else {
        bulkMs.push(await bulk());
        singlePostsMs.push(await single());
      }
      log(
        `  bulk round ${round + 1}: ${CREATES} single POSTs at ${CONCURRENCY} ${Math.round(singlePostsMs[round])} ms, ` +
          `one Bulk of ${CREATES} ${Math.round(bulkMs[round])} ms`,
      );
    }
  } finally {
    await fetch(`${server.url}/admin/tenants/${tenantId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${adminKey}` },
    });
    await stopServer(server);
  }
  const medianSinglePostsMs = Math.round(median(singlePostsMs));
  const medianBulkMs = Math.round(median(bulkMs));
  const roundRatios = bulkMs.map((ms, i) => Math.round((ms / singlePostsMs[i]) * 100) / 100);
  const ratio = median(roundRatios);
  return {
    creates: CREATES,
    concurrency: CONCURRENCY,
    rounds: ROUNDS,
    singlePostsMs: singlePostsMs.map(Math.round),
    bulkMs: bulkMs.map(Math.round),
    medianSinglePostsMs,
    medianBulkMs,
    roundRatios,
    bulkOverSingles: ratio,
    met: ratio <= 1,
  };
}

export function bulkMarkdown(f: BulkFigures): string {
  return [
    `| ${f.creates} user creates | median ms (${f.rounds} rounds) | rounds ms |`,
    '|---|---:|---|',
    `| single POSTs at concurrency ${f.concurrency} | ${f.medianSinglePostsMs} | ${f.singlePostsMs.join(', ')} |`,
    `| one Bulk request | ${f.medianBulkMs} | ${f.bulkMs.join(', ')} |`,
    '',
    `Bulk / single POSTs, median of the rounds' ratios (${f.roundRatios.join(', ')}): ${f.bulkOverSingles} ` +
      `(target ≤ 1: ${f.met ? 'met' : 'missed'})`,
  ].join('\n');
}
