import { randomUUID } from 'node:crypto';
import { GROUP_SCHEMA as GROUP, PATCH_OP } from '../src/scim/schema/urns';
import { queriesDuring, SentStatement } from './helpers/statements';
import { admin, TestApp, useTenantApp } from './helpers/test-app';

const MEMBERS = 2500;

interface PlanNode {
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Join Filter'?: number;
  Plans?: PlanNode[];
}

/** Rows every node of an executed plan produced or looked at and threw away, over all its loops. */
function rowsVisited(node: PlanNode): number {
  const own =
    (node['Actual Rows'] +
      (node['Rows Removed by Filter'] ?? 0) +
      (node['Rows Removed by Join Filter'] ?? 0)) *
    node['Actual Loops'];
  return own + (node.Plans ?? []).reduce((sum, child) => sum + rowsVisited(child), 0);
}

/**
 * Runs `statement` again under EXPLAIN ANALYZE, after `arrange` restored what it acted on, and rolls
 * it all back: how many rows the database visited doing it. A join that rescans one side for each
 * row of the other (the quadratic removal of old) visits members × members rows.
 */
async function visitedBy(t: TestApp, statement: SentStatement, arrange: string, values: unknown[]) {
  const runner = t.db.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    await runner.query(arrange, values);
    const [row] = (await runner.query(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${statement.text}`,
      statement.values,
    )) as Array<{
      'QUERY PLAN': Array<{ Plan: PlanNode }>;
    }>;
    return rowsVisited(row['QUERY PLAN'][0].Plan);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

const touchesMembership = (s: SentStatement) => /DELETE FROM group_(user|group)_member/.test(s.text);

describe('Group membership at scale', () => {
  const app = useTenantApp();
  let userIds: string[];
  let groupId: string;

  const members = async () =>
    (
      await app.t.db.query(
        `SELECT user_id FROM group_user_member WHERE tenant_id = $1 AND group_id = $2 ORDER BY user_id`,
        [app.tenant.id, groupId],
      )
    ).map((r: { user_id: string }) => r.user_id);
  const eventsAfter = async (seq: string) =>
    (await admin(app.t).get(`/admin/tenants/${app.tenant.id}/events?after=${seq}&limit=500`).expect(200))
      .body as {
      items: Array<{
        type: string;
        data: { group: string; members: Array<{ value: string; type: string }> };
      }>;
      cursor: string;
    };
  const lastSequence = async () => (await eventsAfter('0')).cursor;
  const restoreAll = `INSERT INTO group_user_member (tenant_id, group_id, user_id)
    SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT DO NOTHING`;
  const patch = (...operations: Array<Record<string, unknown>>) =>
    app.api.patch(`/Groups/${groupId}`, { schemas: [PATCH_OP], Operations: operations });

  beforeAll(async () => {
    // Users straight into the table (inactive, so seats stay exact): the API part is the membership.
    const rows = await app.t.db.query(
      `INSERT INTO scim_user (tenant_id, id, user_name, active, data, created_at, last_modified)
       SELECT $1, gen_random_uuid(), 'scale' || n || '@acme.com', false,
              jsonb_build_object('userName', 'scale' || n || '@acme.com', 'active', false), now(), now()
         FROM generate_series(1, $2::int) AS n
       RETURNING id`,
      [app.tenant.id, MEMBERS],
    );
    userIds = (rows as Array<{ id: string }>).map((r) => r.id).sort();
  });

  beforeEach(async () => {
    const created = await app.api
      .post('/Groups', { schemas: [GROUP], displayName: `Everyone ${randomUUID()}` })
      .expect(201);
    groupId = created.body.id as string;
  });

  it('adds thousands of members in one PATCH and tells of them in events of at most 1,000', async () => {
    const after = await lastSequence();
    await patch({ op: 'add', path: 'members', value: userIds.map((value) => ({ value })) }).expect(204);
    expect(await members()).toEqual(userIds);
    const added = (await eventsAfter(after)).items.filter((e) => e.type === 'group.members_added');
    expect(added.map((e) => e.data.members.length)).toEqual([1000, 1000, 500]);
    expect(added.every((e) => e.data.group === groupId)).toBe(true);
    expect(added.flatMap((e) => e.data.members.map((m) => m.value)).sort()).toEqual(userIds);
  });

  it('replaces the whole list with [] in one pass over the group', async () => {
    await patch({ op: 'add', path: 'members', value: userIds.map((value) => ({ value })) }).expect(204);
    const after = await lastSequence();
    const sent = await queriesDuring(() => patch({ op: 'replace', path: 'members', value: [] }).expect(204));
    expect(await members()).toEqual([]);
    const removed = (await eventsAfter(after)).items.filter((e) => e.type === 'group.members_removed');
    expect(removed.map((e) => e.data.members.length)).toEqual([1000, 1000, 500]);
    expect(removed.flatMap((e) => e.data.members.map((m) => m.value)).sort()).toEqual(userIds);

    const deletes = sent.filter(touchesMembership);
    expect(deletes).toHaveLength(1);
    const visited = await visitedBy(app.t, deletes[0], restoreAll, [app.tenant.id, groupId, userIds]);
    // In proportion to the group: a few visits per member, not one per pair of members.
    expect(visited).toBeLessThan(10 * MEMBERS);
  });

  it('removes 1,000 named members by visiting about those alone', async () => {
    await patch({ op: 'add', path: 'members', value: userIds.map((value) => ({ value })) }).expect(204);
    const named = userIds.filter((_, i) => i % 5 < 2); // 1,000 spread through the group
    const sent = await queriesDuring(() =>
      patch({ op: 'remove', path: 'members', value: named.map((value) => ({ value })) }).expect(204),
    );
    expect(await members()).toEqual(userIds.filter((id) => !named.includes(id)));
    const deletes = sent.filter(touchesMembership);
    expect(deletes).toHaveLength(1);
    const visited = await visitedBy(app.t, deletes[0], restoreAll, [app.tenant.id, groupId, named]);
    expect(visited).toBeLessThan(10 * named.length);
  });

  it('replaces through PUT by the difference: removes what is not listed, adds what is new', async () => {
    const before = userIds.slice(0, 2000);
    await patch({ op: 'add', path: 'members', value: before.map((value) => ({ value })) }).expect(204);
    const wanted = userIds.slice(1500); // keeps 500, removes 1,500, adds 500
    const after = await lastSequence();
    const sent = await queriesDuring(() =>
      app.api
        .put(`/Groups/${groupId}`, {
          schemas: [GROUP],
          displayName: 'Replaced',
          members: wanted.map((value) => ({ value })),
        })
        .expect(200),
    );
    expect(await members()).toEqual(wanted);
    const events = (await eventsAfter(after)).items;
    const count = (type: string) => events.filter((e) => e.type === type).map((e) => e.data.members.length);
    expect(count('group.members_removed')).toEqual([1000, 500]);
    expect(count('group.members_added')).toEqual([500]);
    const deletes = sent.filter(touchesMembership);
    expect(deletes).toHaveLength(1);
    const visited = await visitedBy(app.t, deletes[0], restoreAll, [app.tenant.id, groupId, before]);
    expect(visited).toBeLessThan(10 * 1500);
  });

  it('removes by a filter on the member rows themselves', async () => {
    const few = userIds.slice(0, 3);
    await patch({ op: 'add', path: 'members', value: few.map((value) => ({ value })) }).expect(204);
    await patch({ op: 'remove', path: `members[value eq "${few[1].toUpperCase()}"]` }).expect(204);
    expect(await members()).toEqual([few[0], few[2]]);
    await patch({ op: 'remove', path: 'members[type eq "Group"]' }).expect(204);
    expect(await members()).toEqual([few[0], few[2]]);
    await patch({ op: 'remove', path: 'members[type eq "User" and not (value eq "' + few[2] + '")]' }).expect(
      204,
    );
    expect(await members()).toEqual([few[2]]);
  });
});
