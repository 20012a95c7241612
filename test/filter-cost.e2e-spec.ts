import { SEARCH_REQUEST } from '../src/scim/schema/urns';
import { useTenantApp } from './helpers/test-app';

const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
const tooComplex = (why: string) => ({
  schemas: [ERROR],
  status: '400',
  scimType: 'invalidFilter',
  detail: `filter too complex: ${why}`,
});

/** A filter's cost is bounded before it reaches the database (the only bound on the embedded one). */
describe('Filter cost limit', () => {
  const app = useTenantApp();
  const list = (filter: string) => app.api.get('/Users?filter=' + encodeURIComponent(filter));

  it('refuses the 90-term filter that took seconds, under the length limit', async () => {
    const filter = Array.from({ length: 90 }, (_, n) => `emails[type eq "work" and value co "q${n}"]`).join(
      ' or ',
    );
    expect(filter.length).toBeLessThan(4096);
    const res = await list(filter).expect(400);
    expect(res.body).toEqual(tooComplex('180 comparisons (at most 20)'));
  });

  it('refuses deep nesting and too many substring matches, through GET and POST .search', async () => {
    const deep = 'not ('.repeat(9) + 'userName eq "a"' + ')'.repeat(9);
    await list(deep).expect(400, tooComplex('nested 9 levels deep (at most 8)'));
    const substrings = ['userName', 'displayName', 'nickName', 'title', 'emails.value']
      .map((a) => `${a} co "x"`)
      .join(' or ');
    const expected = tooComplex('5 substring matches (co, sw, ew), which no index serves (at most 4)');
    await list(substrings).expect(400, expected);
    await app.api
      .post('/Users/.search', { schemas: [SEARCH_REQUEST], filter: substrings })
      .expect(400, expected);
  });

  it('lets every filter Okta and Entra send through, and as many as 20 comparisons', async () => {
    await list('userName eq "jane@acme.com"').expect(200);
    await list('externalId eq "00u1ab2cd3EF4gh5i6j7" and userName eq "jane@acme.com"').expect(200);
    const group = await app.api
      .get(
        '/Groups?excludedAttributes=members&filter=' +
          encodeURIComponent(
            'id eq "7a0b3c6e-8d2f-4c1a-9b5e-1f2a3b4c5d6e" and members[value eq "2c1b0a9f-8e7d-4c6b-a5f4-3e2d1c0b9a8f"]',
          ),
      )
      .expect(200);
    expect(group.body.totalResults).toBe(0);
    const twenty = Array.from({ length: 20 }, (_, n) => `userName eq "u${n}@acme.com"`).join(' or ');
    await list(twenty).expect(200);
    await list(
      'emails[type eq "work" and value co "@acme.com"] or userName sw "j" or displayName ew "e"',
    ).expect(200);
  });
});
