import { ResourceStorage } from './filter-to-sql';

/**
 * The alias the filter and sort engines give the elements of a JSON array (`emails[type eq "work"]`,
 * sorting by a multi-valued attribute). A storage map that used it for a table would be shadowed
 * inside those subqueries, so `assertStorageAliases` refuses such a map when a resource type is defined.
 */
export const ELEMENT_ALIAS = 'scim_element';
/** One element of the array, as jsonb. */
export const ELEMENT = `${ELEMENT_ALIAS}.v`;
/** The FROM alias of `jsonb_array_elements(…)`. */
export const ELEMENTS_AS = `AS ${ELEMENT_ALIAS}(v)`;

/** Every table alias a storage map's SQL uses: `u` of `u.user_name`, `gm` of `group_member gm`. */
function aliasesOf(storage: ResourceStorage): string[] {
  const qualifiers = (sql: string) => [...sql.matchAll(/\b([a-z_][a-z0-9_]*)\.[a-z_]/gi)].map((m) => m[1]);
  const sql = [
    storage.tenant,
    storage.seq,
    storage.data,
    ...Object.values(storage.columns).map((c) => c.sql),
    ...Object.values(storage.relations).flatMap((r) => [r.from, r.correlate]),
    ...Object.values(storage.indexedValues ?? {}),
  ];
  const fromAliases = Object.values(storage.relations).map((r) => r.from.trim().split(/\s+/).pop() ?? '');
  return [...new Set([...sql.flatMap(qualifiers), ...fromAliases])];
}

/** Throws when a storage map uses the engines' element alias, which would shadow its table. */
export function assertStorageAliases(resourceType: string, storage: ResourceStorage): void {
  const clash = aliasesOf(storage).find((alias) => alias.toLowerCase() === ELEMENT_ALIAS);
  if (clash) {
    throw new Error(
      `the storage map of ${resourceType} uses the alias "${clash}", which the filter and sort engines ` +
        'give JSON array elements: choose another',
    );
  }
}
