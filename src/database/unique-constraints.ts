/**
 * What each unique index means to a SCIM client, so that a PostgreSQL unique violation (23505) turns
 * into a 409 `uniqueness` error with a plain-words detail in one place: the exception filter.
 */
export const UNIQUE_CONSTRAINT_DETAILS: Record<string, string> = {
  scim_user_user_name_key: 'userName is already taken by another User of this tenant',
  scim_group_display_name_key: 'displayName is already taken by another Group of this tenant',
  tenant_external_id_key: 'externalId is already the externalId of another tenant',
};

export const DEFAULT_UNIQUE_DETAIL = 'The resource conflicts with an existing one';
