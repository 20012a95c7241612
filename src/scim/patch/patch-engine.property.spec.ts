import * as fc from 'fast-check';
import { ScimError } from '../errors/scim-error';
import { ScimObject } from '../resource/attribute-values';
import { SEAT_SCHEMA } from '../../seats/seat-schema';
import { ENTERPRISE_USER_SCHEMA, USER_SCHEMA } from '../schema/urns';
import { groupSchema, userSchema } from '../testing/scim-fixtures';
import { PatchEngine } from './patch-engine';
import { PatchOperation } from './patch-request';

const RUNS = { seed: 7644, numRuns: 400 };

const email = fc.record(
  {
    value: fc.constantFrom('bjensen@example.com', 'babs@jensen.org', 'b@corp.example.com'),
    type: fc.constantFrom('work', 'home', 'other'),
    primary: fc.boolean(),
  },
  { requiredKeys: ['value'] },
);

/** Users such as a create leaves them: userName always, the rest maybe, at most one primary email. */
const user: fc.Arbitrary<ScimObject> = fc
  .record(
    {
      userName: fc.constantFrom('bjensen', 'babs'),
      displayName: fc.string(),
      active: fc.boolean(),
      name: fc.record({ givenName: fc.constant('Barbara'), familyName: fc.constant('Jensen') }),
      emails: fc.uniqueArray(email, { minLength: 1, maxLength: 3, selector: (e) => e.value }),
      [ENTERPRISE_USER_SCHEMA]: fc.record(
        {
          department: fc.constant('Tour Operations'),
          manager: fc.record({ value: fc.constant('26118915') }),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['userName'] },
  )
  .map((fields) => {
    const emails = fields.emails?.map((e, i) => (i === 0 ? e : { ...e, primary: false }));
    return { schemas: [USER_SCHEMA], ...fields, ...(emails ? { emails } : {}) };
  });

/** Paths a client may send, good and bad: attributes, sub-attributes, filters, extensions, read-only ones. */
const path = fc.constantFrom(
  null,
  'userName',
  'displayName',
  'active',
  'name',
  'name.givenName',
  'emails',
  'emails.type',
  'emails[type eq "work"]',
  'emails[type eq "work"].value',
  'emails[value co "example.com" and not (primary eq true)]',
  'emails[type eq "home"].primary',
  'addresses[type eq "work"].locality',
  'department',
  ENTERPRISE_USER_SCHEMA,
  `${ENTERPRISE_USER_SCHEMA}:manager`,
  `${ENTERPRISE_USER_SCHEMA}:manager.value`,
  `${SEAT_SCHEMA}:quota`,
  'groups',
  'id',
  'meta.lastModified',
  'password',
  'nosuch',
  'name.givenName.first',
  'emails[type eq "work"',
  'emails[type eq work]',
);

/** Values of every JSON shape, and the values those paths take. */
const value = fc.oneof(
  fc.jsonValue({ depthSize: 'small', maxDepth: 2 }),
  fc.constantFrom('Babs', 'True', '', null, [], {}, { givenName: 'Babs' }, { amount: 5, unit: 'GB' }),
  fc.array(email, { maxLength: 2 }),
  email,
);

const operation: fc.Arbitrary<PatchOperation> = fc.record({
  op: fc.constantFrom('add', 'replace', 'remove'),
  path,
  value,
});

/** Operations that fail whatever came before them. */
const failing = fc.constantFrom<PatchOperation>(
  { op: 'remove', path: null, value: undefined },
  { op: 'replace', path: 'id', value: 'other' },
  { op: 'replace', path: 'nosuch', value: 'x' },
  { op: 'remove', path: 'userName', value: undefined },
  { op: 'replace', path: 'emails[value eq "nobody@example.com"].type', value: 'work' },
  { op: 'add', path: 'active', value: 'maybe' },
  { op: 'add', path: null, value: 'Babs' },
  {
    op: 'replace',
    path: 'emails',
    value: [
      { value: 'a@x.org', primary: true },
      { value: 'b@x.org', primary: true },
    ],
  },
);

function outcome(engine: PatchEngine, resource: ScimObject, operations: PatchOperation[]): unknown {
  try {
    engine.apply(resource, operations);
    return 'applied';
  } catch (error) {
    return error;
  }
}

describe('PatchEngine, property', () => {
  const users = new PatchEngine(userSchema);

  it('fails a PATCH whose last operation fails with a 400 and leaves the resource as it was', () => {
    fc.assert(
      fc.property(user, fc.array(operation, { maxLength: 4 }), failing, (resource, before, last) => {
        const snapshot = structuredClone(resource);
        const error = outcome(users, resource, [...before, last]);
        expect(error).toBeInstanceOf(ScimError);
        expect((error as ScimError).status).toBe(400);
        expect(resource).toEqual(snapshot);
      }),
      RUNS,
    );
  });

  it('applies any PATCH or refuses it with a 400 SCIM error, never touching the resource given', () => {
    fc.assert(
      fc.property(user, fc.array(operation, { minLength: 1, maxLength: 5 }), (resource, operations) => {
        const snapshot = structuredClone(resource);
        const result = outcome(users, resource, operations);
        if (result !== 'applied') {
          expect(result).toBeInstanceOf(ScimError);
          expect((result as ScimError).status).toBe(400);
        }
        expect(resource).toEqual(snapshot);
      }),
      RUNS,
    );
  });

  it('leaves a group as it was when a PATCH of its member rows fails', () => {
    const groups = new PatchEngine(groupSchema, new Set(['members']));
    const member = fc.record({ value: fc.uuid(), display: fc.string() }, { requiredKeys: ['value'] });
    const memberOperation = fc.record({
      op: fc.constantFrom('add', 'replace', 'remove'),
      path: fc.constantFrom(
        'members',
        'members[value eq "2819c223-7f76-453a-919d-413861904646"]',
        'displayName',
      ),
      value: fc.oneof(fc.array(member, { maxLength: 2 }), fc.string(), fc.constant(null)),
    }) as fc.Arbitrary<PatchOperation>;
    fc.assert(
      fc.property(fc.array(memberOperation, { maxLength: 4 }), (before) => {
        const group = { displayName: 'Tour Guides' };
        const error = outcome(groups, group, [
          ...before,
          { op: 'remove', path: 'displayName', value: undefined },
        ]);
        expect(error).toBeInstanceOf(ScimError);
        expect(group).toEqual({ displayName: 'Tour Guides' });
      }),
      RUNS,
    );
  });
});
