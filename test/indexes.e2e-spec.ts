import { EntityManager } from 'typeorm';
import { GROUP_STORAGE } from '../src/groups/group-storage';
import { FilterToSql, ResourceStorage } from '../src/scim/filter/filter-to-sql';
import { parseFilter } from '../src/scim/filter/filter-parser';
import { SqlParams } from '../src/scim/filter/sql-params';
import { SchemaRegistry } from '../src/scim/schema/schema-registry';
import { USER_STORAGE } from '../src/users/user-storage';
import { createTenant, createTestApp, TestApp } from './helpers/test-app';

/**
 * The lookups identity providers make must be index scans whatever the tenant's size. The test
 * database is small, so sequential scans are priced out and the plan of the SQL the filter engine
 * generates is checked for the index that serves it.
 */
describe('Indexes behind the lookups IdPs make', () => {
  let t: TestApp;
  let tenantId: string;
  beforeAll(async () => {
    t = await createTestApp();
    tenantId = (await createTenant(t)).id;
  });
  afterAll(() => t.close());

  /**
   * `scoped: false` leaves out the tenant condition: in a tiny test tenant the tenant index alone is
   * (rightly) cheapest, so only without it does the plan show that the filter's own index matches.
   */
  async function plan(resource: 'User' | 'Group', filter: string, scoped = true): Promise<string> {
    const registry = t.app.get(SchemaRegistry);
    const storage: ResourceStorage = resource === 'User' ? USER_STORAGE : GROUP_STORAGE;
    const [table, alias] = resource === 'User' ? ['scim_user', 'u'] : ['scim_group', 'g'];
    const params = new SqlParams([tenantId]);
    const where = new FilterToSql(registry.resource(resource), storage, params).translate(
      parseFilter(filter),
    );
    return t.db.transaction(async (m: EntityManager) => {
      await m.query('SET LOCAL enable_seqscan = off');
      const rows: Array<{ 'QUERY PLAN': string }> = await m.query(
        `EXPLAIN SELECT ${alias}.id FROM ${table} ${alias} WHERE ${scoped ? `${alias}.tenant_id = $1` : '$1::uuid IS NOT NULL'} AND ${where}`,
        params.values,
      );
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
  }

  it.each([
    ['emails.value eq "jane@acme.com"'],
    ['emails[value eq "jane@acme.com"]'],
    ['emails eq "jane@acme.com"'],
  ])('User filter %s matches the index on lower-cased email values', async (filter) => {
    expect(await plan('User', filter, false)).toContain('scim_user_email_values_idx');
  });

  it('Group filter members.value eq reads the membership by index, never by a scan', async () => {
    const text = await plan('Group', 'members.value eq "6f1c2a4e-1b7e-4a53-9d0c-2f8d2b9b7a10"');
    expect(text).toMatch(/group_user_member_(user_idx|pkey)/);
    expect(text).not.toMatch(/Seq Scan on group_(user|group)_member/);
  });

  it.each([
    ['User', 'userName eq "Jane@Acme.com"', 'scim_user_user_name_key'],
    ['User', 'externalId eq "00u1ab2cd3"', 'scim_user_external_id_idx'],
    ['User', 'id eq "6f1c2a4e-1b7e-4a53-9d0c-2f8d2b9b7a10"', 'scim_user_pkey'],
    ['User', 'meta.lastModified gt "2026-01-01T00:00:00Z"', 'scim_user_last_modified_idx'],
    ['Group', 'displayName eq "Engineering"', 'scim_group_display_name_key'],
    ['Group', 'externalId eq "8aa1a0c0"', 'scim_group_external_id_idx'],
  ] as const)('%s filter %s uses %s', async (resource, filter, index) => {
    expect(await plan(resource, filter)).toContain(index);
  });
});
