import { statementsDuring } from './helpers/statements';
import { createTenant, createTestApp, patchOp, scim, TestApp, TestTenant } from './helpers/test-app';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const SEAT = 'urn:rollcall:params:scim:schemas:extension:seat:2.0:User';
const filterQuery = (filter: string) => 'filter=' + encodeURIComponent(filter);
/** Statements that read or write a User's row, its seat or Groups' membership rows. */
const ON_USERS = /\bscim_user\b/;
const ON_MEMBERSHIP = /\bgroup_user_member\b|\bgroup_group_member\b/;

/**
 * Users and Groups served by the generic resource module through their hooks (the seat, the
 * membership rows): the fast paths each type had on its own stay what they were.
 */
describe('Users and Groups over the generic resource module', () => {
  let t: TestApp;
  let tenant: TestTenant;
  let api: ReturnType<typeof scim>;
  let userId: string;
  let groupId: string;
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t, 10);
    api = scim(t, tenant);
    const user = await api
      .post('/Users', { schemas: [USER], userName: 'fast@acme.com', displayName: 'Fast', active: true })
      .expect(201);
    userId = user.body.id as string;
    const parent = await api.post('/Groups', { schemas: [GROUP], displayName: 'Parent' }).expect(201);
    const group = await api
      .post('/Groups', { schemas: [GROUP], displayName: 'Fast group', members: [{ value: userId }] })
      .expect(201);
    groupId = group.body.id as string;
    await api
      .patch(
        `/Groups/${parent.body.id as string}`,
        patchOp({ op: 'add', path: 'members', value: [{ value: groupId }] }),
      )
      .expect(204);
  });
  afterAll(() => t.close());

  it('reads GET /Users/{id} with its seat and groups in one statement, and leaves the groups out unasked', async () => {
    let body: Record<string, unknown> = {};
    const full = await statementsDuring(async () => {
      body = (await api.get(`/Users/${userId}`).expect(200)).body as Record<string, unknown>;
    });
    expect(full.filter((sql) => ON_USERS.test(sql))).toHaveLength(1);
    expect(full.filter((sql) => ON_MEMBERSHIP.test(sql))).toHaveLength(1);
    expect(full.find((sql) => ON_USERS.test(sql))).toMatch(/LEFT JOIN seat s/);
    expect(body.groups).toEqual([
      expect.objectContaining({ value: groupId, display: 'Fast group', type: 'direct' }),
      expect.objectContaining({ display: 'Parent', type: 'indirect' }),
    ]);
    expect((body[SEAT] as { status: string }).status).toBe('invited');

    const without = await statementsDuring(() =>
      api.get(`/Users/${userId}?excludedAttributes=groups`).expect(200),
    );
    expect(without.filter((sql) => ON_USERS.test(sql))).toHaveLength(1);
    expect(without.filter((sql) => ON_MEMBERSHIP.test(sql))).toEqual([]);
  });

  it('answers a userName eq lookup with one statement', async () => {
    let total = -1;
    const sent = await statementsDuring(async () => {
      const res = await api.get(
        `/Users?${filterQuery('userName eq "FAST@acme.com"')}&startIndex=1&count=100`,
      );
      total = (res.body as { totalResults: number }).totalResults;
    });
    expect(total).toBe(1);
    expect(sent.filter((sql) => ON_USERS.test(sql))).toHaveLength(1);
  });

  it('chooses a page of Users on the table alone, then joins the seat', async () => {
    const sent = await statementsDuring(() =>
      api.get('/Users?startIndex=1&count=1&excludedAttributes=groups').expect(200),
    );
    const page = sent.filter((sql) => ON_USERS.test(sql) && !/count\(\*\)/.test(sql));
    expect(page).toHaveLength(1);
    expect(page[0]).toMatch(/FROM \(SELECT u\.id FROM scim_user u WHERE[\s\S]*\) p\s+JOIN scim_user u ON/);
    expect(page[0]).toMatch(/LEFT JOIN seat s/);
  });

  it('changes a Group member by member as row changes, not as a document rewrite', async () => {
    const other = await api
      .post('/Users', { schemas: [USER], userName: 'second@acme.com', active: false })
      .expect(201);
    const sent = await statementsDuring(() =>
      api
        .patch(
          `/Groups/${groupId}`,
          patchOp({ op: 'add', path: 'members', value: [{ value: other.body.id }] }),
        )
        .expect(204),
    );
    expect(sent.filter((sql) => /INSERT INTO group_user_member/.test(sql))).toHaveLength(1);
    expect(sent.filter((sql) => /DELETE FROM group_user_member/.test(sql))).toEqual([]);
    const members = await api.get(`/Groups/${groupId}`).expect(200);
    expect((members.body.members as Array<{ value: string }>).map((m) => m.value).sort()).toEqual(
      [userId, other.body.id as string].sort(),
    );
  });
});
