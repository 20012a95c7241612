import { ResourceStorage, SqlColumn } from '../scim/filter/filter-to-sql';
import { ResourceReference, ResourceTable, TableColumn } from '../scim/resource/resource-definition';

/** A table column as its definition names it: a bare name is a text column. */
export function tableColumn(spec: string | TableColumn): TableColumn {
  return typeof spec === 'string' ? { column: spec, kind: 'text' } : spec;
}

/**
 * The storage map of a resource type kept by the generic repository: its columns (text, compared as
 * the schema says), the common ones (id, meta.created, meta.lastModified), and each reference as rows
 * its filters test with EXISTS (`members.value eq "…"`, `members[value eq "…"]`).
 */
export function tableStorage(
  table: Pick<ResourceTable, 'alias' | 'columns'>,
  references: ResourceReference[] = [],
): ResourceStorage {
  const x = table.alias;
  const columns: Record<string, SqlColumn> = {
    id: { sql: `${x}.id`, kind: 'uuid' },
    'meta.created': { sql: `${x}.created_at`, kind: 'timestamptz' },
    'meta.lastmodified': { sql: `${x}.last_modified`, kind: 'timestamptz' },
  };
  for (const [attribute, spec] of Object.entries(table.columns ?? {})) {
    const { column, kind } = tableColumn(spec);
    columns[attribute.toLowerCase()] = { sql: `${x}.${column}`, kind };
  }
  const relations: ResourceStorage['relations'] = {};
  for (const [i, reference] of references.entries()) {
    const r = `${x}_ref${i}`;
    relations[reference.attribute.toLowerCase()] = {
      from: `${reference.table} ${r}`,
      correlate: `${r}.tenant_id = ${x}.tenant_id AND ${r}.${reference.referrer} = ${x}.id`,
      columns: { value: { sql: `${r}.${reference.referenced}`, kind: 'uuid' } },
    };
  }
  return { tenant: `${x}.tenant_id`, seq: `${x}.seq`, data: `${x}.data`, columns, relations };
}
