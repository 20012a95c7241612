import { createTenant, createTestApp, scim, TestApp } from './helpers/test-app';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const SEAT = 'urn:rollcall:params:scim:schemas:extension:seat:2.0:User';

// RFC 7644 §3.4.2.2: a filter's string literals are JSON strings, and numbers may be negative.
describe('Filter literals and attribute selection', () => {
  let t: TestApp;
  let api: ReturnType<typeof scim>;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp();
    api = scim(t, await createTenant(t));
    const users: Array<[string, object]> = [
      ['DOMAIN\\jdoe', { displayName: 'Renée' }],
      ['trailing', { displayName: 'ends in \\' }],
      ['quota', { [SEAT]: { quota: { amount: 5, unit: 'GB' } } }],
    ];
    for (const [userName, extra] of users) {
      ids[userName] = (await api.post('/Users', { schemas: [USER], userName, ...extra }).expect(201)).body.id;
    }
  });
  afterAll(() => t.close());

  const found = async (filter: string) => {
    const res = await api.get(`/Users?filter=${encodeURIComponent(filter)}`).expect(200);
    return res.body.Resources.map((r: { userName: string }) => r.userName);
  };

  it('reads JSON escapes in strings: \\\\ is one backslash, \\u00e9 is é', async () => {
    expect(await found(String.raw`userName eq "DOMAIN\\jdoe"`)).toEqual(['DOMAIN\\jdoe']);
    expect(await found(String.raw`displayName eq "Ren\u00e9e"`)).toEqual(['DOMAIN\\jdoe']);
    expect(await found(String.raw`displayName eq "ends in \\"`)).toEqual(['trailing']);
  });

  it('keeps a backslash that escapes nothing as written, as clients that do not escape it send it', async () => {
    expect(await found(String.raw`userName eq "DOMAIN\jdoe"`)).toEqual(['DOMAIN\\jdoe']);
  });

  it('reads a negative number before "and" or ")"', async () => {
    expect(await found(`${SEAT}:quota.amount gt -1 and userName pr`)).toEqual(['quota']);
    expect(await found(`(${SEAT}:quota.amount ge -1.5)`)).toEqual(['quota']);
  });

  it('answers 400 invalidFilter for an escaped NUL, which PostgreSQL cannot compare', async () => {
    const res = await api
      .get(`/Users?filter=${encodeURIComponent(String.raw`userName eq "a\u0000"`)}`)
      .expect(400);
    expect(res.body).toMatchObject({
      scimType: 'invalidFilter',
      detail: 'filter value contains a NUL character (U+0000), which cannot be stored',
    });
  });

  it('returns only the always-returned attributes when attributes names nothing known (RFC 7644 §3.9)', async () => {
    const one = await api.get(`/Users/${ids.trailing}?attributes=nosuch`).expect(200);
    expect(one.body).toEqual({ schemas: [USER], id: ids.trailing });
    const list = await api
      .get(`/Users?filter=${encodeURIComponent('userName eq "trailing"')}&attributes=nosuch`)
      .expect(200);
    expect(list.body.Resources).toEqual([{ schemas: [USER], id: ids.trailing }]);
  });
});
