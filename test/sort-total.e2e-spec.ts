import {
  ENTERPRISE_USER_SCHEMA as ENTERPRISE,
  GROUP_SCHEMA as GROUP,
  SEARCH_REQUEST,
  USER_SCHEMA as USER,
} from '../src/scim/schema/urns';
import { useTenantApp } from './helpers/test-app';

/**
 * `totalResults` is counted by a statement of its own whenever the page cannot tell it (count=0, a
 * full page, a startIndex past the end); a sortBy that needs bind values must not leak them into it.
 */
describe('sortBy with a counted total', () => {
  const app = useTenantApp();
  beforeAll(async () => {
    for (const [given, department, email] of [
      ['Cleo', 'Sales', 'c@acme.com'],
      ['Ada', 'R&D', 'a@acme.com'],
      ['Bea', 'Ops', 'b@acme.com'],
    ]) {
      await app.api
        .post('/Users', {
          schemas: [USER, ENTERPRISE],
          userName: `${given.toLowerCase()}@acme.com`,
          name: { givenName: given, familyName: 'Doe' },
          emails: [{ value: email, type: 'work', primary: true }],
          [ENTERPRISE]: { department },
        })
        .expect(201);
    }
    await app.api.post('/Groups', { schemas: [GROUP], displayName: 'Zeta' }).expect(201);
    await app.api.post('/Groups', { schemas: [GROUP], displayName: 'Alpha' }).expect(201);
  });

  const userNames = (body: { Resources: Array<{ userName: string }> }) =>
    body.Resources.map((r) => r.userName);

  it.each([
    ['a sub-attribute', 'name.givenName'],
    ['a multi-valued attribute', 'emails'],
    ['a sub-attribute of a multi-valued attribute', 'emails.value'],
    ['an extension attribute', `${ENTERPRISE}:department`],
  ])('sorts by %s with count=1 (a full page), count=0 and a startIndex past the end', async (_, sortBy) => {
    const q = `/Users?sortBy=${encodeURIComponent(sortBy)}`;
    const page = await app.api.get(`${q}&count=1`).expect(200);
    expect(page.body).toMatchObject({ totalResults: 3, itemsPerPage: 1, startIndex: 1 });
    const none = await app.api.get(`${q}&count=0`).expect(200);
    expect(none.body).toMatchObject({ totalResults: 3, itemsPerPage: 0, Resources: [] });
    const past = await app.api.get(`${q}&startIndex=10`).expect(200);
    expect(past.body).toMatchObject({ totalResults: 3, itemsPerPage: 0, startIndex: 10, Resources: [] });
  });

  it('orders the pages it counts', async () => {
    const byGiven = await app.api.get('/Users?sortBy=name.givenName&count=2').expect(200);
    expect(byGiven.body.totalResults).toBe(3);
    expect(userNames(byGiven.body)).toEqual(['ada@acme.com', 'bea@acme.com']);
    const byDepartment = await app.api
      .get(`/Users?sortBy=${encodeURIComponent(`${ENTERPRISE}:department`)}&sortOrder=descending&count=2`)
      .expect(200);
    expect(byDepartment.body.totalResults).toBe(3);
    expect(userNames(byDepartment.body)).toEqual(['cleo@acme.com', 'ada@acme.com']);
    // A multi-valued attribute sorts by its primary value (RFC 7644 §3.4.2.3).
    const byEmail = await app.api.get('/Users?sortBy=emails&sortOrder=descending&count=3').expect(200);
    expect(userNames(byEmail.body)).toEqual(['cleo@acme.com', 'bea@acme.com', 'ada@acme.com']);
  });

  it('counts with a filter and a sort that both take bind values', async () => {
    const filter = encodeURIComponent('emails.value co "@acme.com"');
    const res = await app.api
      .get(`/Users?filter=${filter}&sortBy=emails.value&count=1&startIndex=2`)
      .expect(200);
    expect(res.body).toMatchObject({ totalResults: 3, itemsPerPage: 1, startIndex: 2 });
    expect(userNames(res.body)).toEqual(['bea@acme.com']);
  });

  it('does the same through POST /.search and for Groups', async () => {
    const search = await app.api
      .post('/Users/.search', {
        schemas: [SEARCH_REQUEST],
        sortBy: 'name.givenName',
        count: 0,
      })
      .expect(200);
    expect(search.body).toMatchObject({ totalResults: 3, itemsPerPage: 0 });
    const groups = await app.api.get('/Groups?sortBy=displayName&count=1').expect(200);
    expect(groups.body).toMatchObject({ totalResults: 2, itemsPerPage: 1 });
    expect(groups.body.Resources[0].displayName).toBe('Alpha');
  });
});
