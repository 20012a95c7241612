import { DataSource } from 'typeorm';
import { ResourceDefinition } from '../src/scim/resource/resource-definition';
import { SchemaRegistry } from '../src/scim/schema/schema-registry';
import { createTenant, createTestApp, scim, TestApp } from './helpers/test-app';
import { uniquenessProblems } from './helpers/unique-indexes';

/** Uniqueness is declared once, on the schema attribute; its index and its message must agree with it. */
describe('Uniqueness of the registered resource types', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const definitions = () => t.app.get(SchemaRegistry).allDefinitions();

  it('gives every attribute marked uniqueness server a unique index of its table and a message', async () => {
    expect(definitions().map((d) => d.name)).toEqual(['User', 'Group']);
    for (const definition of definitions()) {
      expect({ [definition.name]: await uniquenessProblems(t.db, definition) }).toEqual({
        [definition.name]: [],
      });
    }
  });

  it('finds a unique attribute without an index entry, a message or a matching index', async () => {
    const user = definitions()[0];
    const broken = (unique: ResourceDefinition['unique']): ResourceDefinition => ({ ...user, unique });
    const db: DataSource = t.db;
    expect(
      await uniquenessProblems(db, broken(user.unique.filter((u) => u.attribute !== 'userName'))),
    ).toEqual(['User.userName is marked uniqueness server but the definition names no index for it']);
    expect(
      await uniquenessProblems(
        db,
        broken(user.unique.map((u) => (u.attribute === 'userName' ? { ...u, detail: ' ' } : u))),
      ),
    ).toEqual(['User.userName has no message for its 409']);
    expect(
      await uniquenessProblems(
        db,
        broken(
          user.unique.map((u) => (u.attribute === 'userName' ? { ...u, index: 'scim_user_seq_key' } : u)),
        ),
      ),
    ).toEqual([
      'User.userName: index scim_user_seq_key is on (tenant_id, seq), not (tenant_id, lower(user_name))',
    ]);
  });

  it('answers a violation of each unique index with the message its definition gives', async () => {
    const tenant = await createTenant(t);
    const api = scim(t, tenant);
    const user = { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'once@acme.com' };
    await api.post('/Users', user).expect(201);
    const taken = await api.post('/Users', { ...user, userName: 'ONCE@acme.com' }).expect(409);
    expect(taken.body).toMatchObject({ scimType: 'uniqueness', detail: definitions()[0].unique[1].detail });
    const group = { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Once' };
    await api.post('/Groups', group).expect(201);
    const again = await api.post('/Groups', { ...group, displayName: 'ONCE' }).expect(409);
    expect(again.body).toMatchObject({ scimType: 'uniqueness', detail: definitions()[1].unique[1].detail });
  });
});
