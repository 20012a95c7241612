import { registeredResourceTypes } from '../scim/resource/resource-definition';

export const DEFAULT_UNIQUE_DETAIL = 'The resource conflicts with an existing one';

/**
 * What a unique index means to a SCIM client, from the registered resource types' unique attributes,
 * so that a PostgreSQL unique violation (23505) turns into a 409 `uniqueness` error with a plain-words
 * detail in one place: the exception filter.
 */
export function uniqueConstraintDetail(constraint: string): string {
  for (const type of registeredResourceTypes()) {
    const unique = type.unique.find((u) => u.index === constraint);
    if (unique) return unique.detail;
  }
  return DEFAULT_UNIQUE_DETAIL;
}
