import { registeredResourceTypes } from '../scim/resource/resource-definition';

export const DEFAULT_UNIQUE_DETAIL = 'The resource conflicts with an existing one';

/** Unique indexes of tables that are no SCIM resource type's (those declare theirs on their attributes). */
const OTHER_UNIQUE_DETAILS: Record<string, string> = {
  tenant_external_id_key: 'externalId is already the externalId of another tenant',
};

/**
 * What a unique index means to a client, from the registered resource types' unique attributes (and
 * the few indexes of other tables above), so that a PostgreSQL unique violation (23505) turns into a
 * 409 with a plain-words detail in one place: the exception filter.
 */
export function uniqueConstraintDetail(constraint: string): string {
  for (const type of registeredResourceTypes()) {
    const unique = type.unique.find((u) => u.index === constraint);
    if (unique) return unique.detail;
  }
  return OTHER_UNIQUE_DETAILS[constraint] ?? DEFAULT_UNIQUE_DETAIL;
}
