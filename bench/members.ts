import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Seed } from './seed';

const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
/** Each operation is timed this many times on a freshly filled group; the median is reported. */
const ROUNDS = 3;

export interface MembersFigures {
  /** Median milliseconds per operation, by name. */
  medianMs: Record<string, number>;
  /** replace-all on 100,000 members over replace-all on 15,000: 6.7 when the cost is linear. */
  replaceAllRatio100kTo15k: number;
  rounds: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Membership changes on large groups, each timed through HTTP on a group filled by SQL just before
 * (the fill is not timed): replace-all with `[]` on 15,000 and 100,000 members by PATCH, the same by
 * PUT, and the removal of 5,000 named members (Entra's `Remove` with a value list) from 100,000.
 */
export async function membersBench(
  baseUrl: string,
  databaseUrl: string,
  token: string,
  data: Seed,
  log: (line: string) => void,
): Promise<MembersFigures> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' };
  const groupId = (
    await db.query<{ id: string }>(
      `INSERT INTO scim_group (tenant_id, id, display_name, data, created_at, last_modified)
       VALUES ($1, gen_random_uuid(), $2, jsonb_build_object('displayName', $2::text), now(), now()) RETURNING id`,
      [data.tenantId, `bench-members-${randomUUID()}`],
    )
  ).rows[0].id;
  const fill = async (count: number) => {
    await db.query(`DELETE FROM group_user_member WHERE tenant_id = $1 AND group_id = $2`, [
      data.tenantId,
      groupId,
    ]);
    await db.query(
      `INSERT INTO group_user_member (tenant_id, group_id, user_id) SELECT $1, $2, unnest($3::uuid[])`,
      [data.tenantId, groupId, data.userIds.slice(0, count)],
    );
    // What autovacuum does between a group's filling and its replacement: without it each round
    // would also scan the dead index entries the previous rounds left.
    await db.query('VACUUM group_user_member');
  };
  const timed = async (method: string, body: unknown): Promise<number> => {
    const started = performance.now();
    const res = await fetch(`${baseUrl}/scim/v2/${data.tenantId}/Groups/${groupId}`, {
      method,
      headers,
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} members: ${res.status} ${text}`);
    return performance.now() - started;
  };
  const named = data.userIds.filter((_, i) => i % 20 === 0).slice(0, 5000);
  const operations: Array<{ name: string; size: number; run: () => Promise<number> }> = [
    {
      name: 'PATCH replace members [] on 15,000',
      size: 15_000,
      run: () =>
        timed('PATCH', { schemas: [PATCH], Operations: [{ op: 'replace', path: 'members', value: [] }] }),
    },
    {
      name: 'PATCH replace members [] on 100,000',
      size: 100_000,
      run: () =>
        timed('PATCH', { schemas: [PATCH], Operations: [{ op: 'replace', path: 'members', value: [] }] }),
    },
    {
      name: 'PUT members [] on 100,000',
      size: 100_000,
      run: () => timed('PUT', { schemas: [GROUP], displayName: `bench-members-put-${groupId}`, members: [] }),
    },
    {
      name: 'PATCH remove 5,000 named of 100,000',
      size: 100_000,
      run: () =>
        timed('PATCH', {
          schemas: [PATCH],
          Operations: [{ op: 'remove', path: 'members', value: named.map((value) => ({ value })) }],
        }),
    },
  ];
  const medianMs: Record<string, number> = {};
  try {
    for (const operation of operations) {
      const times: number[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        await fill(operation.size);
        times.push(await operation.run());
      }
      medianMs[operation.name] = Math.round(median(times));
      log(
        `  members  ${operation.name}: ${medianMs[operation.name]} ms (${times.map(Math.round).join(', ')})`,
      );
    }
  } finally {
    await db.query(`DELETE FROM scim_group WHERE tenant_id = $1 AND id = $2`, [data.tenantId, groupId]);
    await db.end();
  }
  const ratio =
    medianMs['PATCH replace members [] on 100,000'] /
    Math.max(1, medianMs['PATCH replace members [] on 15,000']);
  log(`  members  replace-all 100,000 / 15,000: ${ratio.toFixed(2)} (linear: 6.67)`);
  return { medianMs, replaceAllRatio100kTo15k: Math.round(ratio * 100) / 100, rounds: ROUNDS };
}
