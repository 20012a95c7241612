import { createTenant, createTestApp, scim, TestApp } from './helpers/test-app';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const SEARCH = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';

describe('POST /.search at the SCIM root', () => {
  let t: TestApp;
  let api: ReturnType<typeof scim>;
  const users: string[] = [];
  const groups: string[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    api = scim(t, await createTenant(t));
    for (const name of ['ann', 'bob', 'cat']) {
      users.push(
        (await api.post('/Users', { schemas: [USER], userName: `${name}@search.com` }).expect(201)).body.id,
      );
    }
    groups.push(
      (await api.post('/Groups', { schemas: [GROUP], displayName: 'Search G1' }).expect(201)).body.id,
    );
    groups.push(
      (
        await api
          .post('/Groups', { schemas: [GROUP], displayName: 'Search G2', members: [{ value: users[1] }] })
          .expect(201)
      ).body.id,
    );
  });
  afterAll(() => t.close());

  const search = (body: Record<string, unknown>) => api.post('/.search', { schemas: [SEARCH], ...body });

  it('lists Users then Groups as one page, with members placed on their group', async () => {
    const res = await search({}).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(res.body).toMatchObject({ totalResults: 5, startIndex: 1, itemsPerPage: 5 });
    expect(res.body.Resources.map((r: { id: string }) => r.id)).toEqual([...users, ...groups]);
    expect(res.body.Resources[4].members).toEqual([
      expect.objectContaining({ value: users[1], type: 'User' }),
    ]);
    expect(res.body.Resources[3]).not.toHaveProperty('members');

    const middle = await search({ startIndex: 3, count: 2, attributes: ['id'] }).expect(200);
    expect(middle.body).toMatchObject({ totalResults: 5, startIndex: 3, itemsPerPage: 2 });
    expect(middle.body.Resources).toEqual([
      { schemas: [USER], id: users[2] },
      { schemas: [GROUP], id: groups[0] },
    ]);
    const counted = await search({ count: 0 }).expect(200);
    expect(counted.body).toMatchObject({ totalResults: 5, itemsPerPage: 0, Resources: [] });
  });

  it('applies a filter to every type that knows its attributes', async () => {
    const ids = async (filter: string) =>
      (await search({ filter }).expect(200)).body.Resources.map((r: { id: string }) => r.id);
    expect(await ids('userName sw "b"')).toEqual([users[1]]);
    expect(await ids('displayName eq "search g2"')).toEqual([groups[1]]);
    expect(await ids('members pr')).toEqual([groups[1]]);
    expect(await ids(`id eq "${users[0]}" or id eq "${groups[0]}"`)).toEqual([users[0], groups[0]]);
    const unknown = await search({ filter: 'shoeSize gt 40' }).expect(400);
    expect(unknown.body).toMatchObject({ status: '400', scimType: 'invalidFilter' });
    await search({ filter: 'userName eq' }).expect(400);
  });
});
