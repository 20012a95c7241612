import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../src/config/app-config';
import { createSchemaRegistry } from '../src/scim/scim-core.module';
import type * as Helpers from './helpers/test-app';

// The operator's file, as the README shows it; the app reads it when its modules load.
const EXAMPLE = join(__dirname, '..', 'examples', 'scim-extensions.json');
process.env.SCIM_EXTENSIONS_FILE = EXAMPLE;

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ACME = 'urn:example:params:scim:schemas:extension:acme:2.0:User';

describe('SCIM_EXTENSIONS_FILE', () => {
  let helpers: typeof Helpers;
  let t: Helpers.TestApp;
  let api: ReturnType<typeof Helpers.scim>;
  beforeAll(async () => {
    helpers = await import('./helpers/test-app');
    t = await helpers.createTestApp();
    api = helpers.scim(t, await helpers.createTenant(t));
  });
  afterAll(() => t.close());

  it('publishes the extension in Schemas, ResourceTypes and the OpenAPI document', async () => {
    const schema = await api.get(`/Schemas/${ACME}`).expect(200);
    expect(schema.body).toMatchObject({ id: ACME, name: 'AcmeUser' });
    expect(schema.body.attributes.map((a: { name: string; type: string }) => [a.name, a.type])).toEqual([
      ['badgeNumber', 'string'],
      ['clearanceLevel', 'integer'],
      ['sites', 'string'],
    ]);
    const type = await api.get('/ResourceTypes/User').expect(200);
    expect(type.body.schemaExtensions).toContainEqual({ schema: ACME, required: false });
    const openapi = await t.http.get('/openapi.json').expect(200);
    expect(JSON.stringify(openapi.body.components.schemas.ScimUser)).toContain(ACME);
  });

  it("checks this app's responses against the served document, which types the extension", async () => {
    const served = (await t.http.get('/openapi.json').expect(200)).body as Record<string, unknown>;
    const { checkedInDocument, OpenApiContract } = await import('./helpers/openapi-contract');
    const wrong = {
      status: 200,
      headers: { 'content-type': 'application/scim+json' },
      body: { schemas: [USER, ACME], id: 'x', userName: 'x', [ACME]: { clearanceLevel: 'high' } },
      text: '{}',
    } as unknown as import('supertest').Response;
    const path = '/scim/v2/00000000-0000-4000-8000-000000000000/Users/x';
    expect(new OpenApiContract(served).problem('GET', path, wrong, false)).toMatch(
      /clearanceLevel must be integer/,
    );
    // openapi.json knows nothing of the file: only the served document can check its attributes.
    expect(new OpenApiContract(checkedInDocument()).problem('GET', path, wrong, false)).toBeNull();
  });

  it('makes its attributes writable, readable, filterable and PATCH-able, with their types checked', async () => {
    const created = await api
      .post('/Users', {
        schemas: [USER, ACME],
        userName: 'badge@acme.com',
        [ACME]: { BadgeNumber: 'B-7', clearanceLevel: 3, sites: ['HQ', 'Lab'] },
      })
      .expect(201);
    expect(created.body.schemas).toContain(ACME);
    expect(created.body[ACME]).toEqual({ badgeNumber: 'B-7', clearanceLevel: 3, sites: ['HQ', 'Lab'] });
    const id = created.body.id as string;
    const stored = await t.db.query('SELECT data FROM scim_user WHERE id = $1', [id]);
    expect(stored[0].data[ACME]).toEqual({ badgeNumber: 'B-7', clearanceLevel: 3, sites: ['HQ', 'Lab'] });

    const find = async (filter: string) =>
      (await api.get('/Users?filter=' + encodeURIComponent(filter)).expect(200)).body.Resources.map(
        (u: { id: string }) => u.id,
      );
    expect(await find(`${ACME}:badgeNumber eq "B-7"`)).toEqual([id]);
    expect(await find(`${ACME}:badgeNumber eq "b-7"`)).toEqual([]);
    expect(await find(`${ACME}:clearanceLevel gt 2`)).toEqual([id]);
    expect(await find(`${ACME}:sites eq "Lab"`)).toEqual([id]);

    const patched = await api
      .patch(
        `/Users/${id}`,
        helpers.patchOp(
          { op: 'replace', path: `${ACME}:clearanceLevel`, value: 4 },
          { op: 'add', value: { [`${ACME}:sites`]: ['Remote'] } },
        ),
      )
      .expect(200);
    expect(patched.body[ACME]).toEqual({
      badgeNumber: 'B-7',
      clearanceLevel: 4,
      sites: ['HQ', 'Lab', 'Remote'],
    });
    expect((await api.get(`/Users/${id}?attributes=${ACME}:clearanceLevel`).expect(200)).body[ACME]).toEqual({
      clearanceLevel: 4,
    });

    const wrongType = await api
      .patch(
        `/Users/${id}`,
        helpers.patchOp({ op: 'replace', path: `${ACME}:clearanceLevel`, value: 'high' }),
      )
      .expect(400);
    expect(wrongType.body).toMatchObject({ scimType: 'invalidValue' });
    const unknown = await api
      .post('/Users', { schemas: [USER], userName: 'x@acme.com', [ACME]: { shoeSize: 44 } })
      .expect(400);
    expect(unknown.body).toMatchObject({ scimType: 'invalidSyntax' });
  });

  it('refuses a malformed file with a message naming the place', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rollcall-ext-'));
    const write = (name: string, text: string) => {
      const file = join(dir, name);
      writeFileSync(file, text);
      return file;
    };
    const notJson = write('broken.json', '{"schemas": [');
    expect(() => createSchemaRegistry(notJson)).toThrow(ConfigError);
    expect(() => createSchemaRegistry(notJson)).toThrow(/SCIM_EXTENSIONS_FILE .*broken\.json/);
    const badType = write(
      'bad-type.json',
      JSON.stringify({
        schemas: [
          {
            id: 'urn:example:params:scim:schemas:extension:x:2.0:User',
            name: 'X',
            resourceType: 'User',
            attributes: [{ name: 'level', type: 'number' }],
          },
        ],
      }),
    );
    expect(() => createSchemaRegistry(badType)).toThrow(/"level" type: must be one of string, /);
    expect(() => createSchemaRegistry(join(dir, 'missing.json'))).toThrow(ConfigError);
  });
});
