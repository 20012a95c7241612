import { QueryFailedError } from 'typeorm';
import { databaseFault } from './database-faults';

function foreignKeyViolation(constraint: string): QueryFailedError {
  const driver = Object.assign(new Error('insert or update violates foreign key constraint'), {
    code: '23503',
    constraint,
  });
  return new QueryFailedError('INSERT …', [], driver);
}

describe('databaseFault: foreign-key races', () => {
  it('names a known key in its own words', () => {
    const fault = databaseFault(foreignKeyViolation('group_user_member_user_fkey'));
    expect(fault?.error.status).toBe(400);
    expect(fault?.error.scimType).toBe('invalidValue');
    expect(fault?.error.detail).toMatch(/no longer a User of this tenant/);
  });

  it('answers any other key (a resource type’s own reference table) with 400 invalidValue, never 500', () => {
    const fault = databaseFault(foreignKeyViolation('entitlement_member_user_fkey'));
    expect(fault?.error.status).toBe(400);
    expect(fault?.error.scimType).toBe('invalidValue');
    expect(fault?.error.detail).toMatch(/was deleted while the request ran/);
    expect(fault?.log).toBe('foreign-key race on entitlement_member_user_fkey');
  });
});
