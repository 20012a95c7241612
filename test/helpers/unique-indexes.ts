import { DataSource } from 'typeorm';
import { ResourceDefinition } from '../../src/scim/resource/resource-definition';
import { AttributeDefinition } from '../../src/scim/schema/attribute';
import { COMMON_ATTRIBUTES } from '../../src/scim/schema/core-schemas';

/**
 * What is wrong with a resource type's uniqueness, as sentences (none: all is well). Every attribute
 * marked `uniqueness: "server"` must have an entry in the definition's `unique`, with a message, naming
 * a unique index of the type's table whose keys are the tenant and the attribute's column: the column
 * itself (the primary key for `id`), or `lower(column)` where the attribute is not caseExact.
 */
export async function uniquenessProblems(db: DataSource, definition: ResourceDefinition): Promise<string[]> {
  const problems: string[] = [];
  const marked = [...COMMON_ATTRIBUTES, ...definition.schema.attributes].filter(
    (a: AttributeDefinition) => a.uniqueness === 'server',
  );
  const indexes: Array<{ name: string; unique: boolean; definition: string }> = await db.query(
    `SELECT c.relname AS name, i.indisunique AS unique, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_class t ON t.oid = i.indrelid
      WHERE t.relname = $1`,
    [definition.table.name],
  );
  for (const attribute of marked) {
    const entry = definition.unique.find((u) => u.attribute === attribute.name);
    const label = `${definition.name}.${attribute.name}`;
    if (!entry) {
      problems.push(`${label} is marked uniqueness server but the definition names no index for it`);
      continue;
    }
    if (entry.detail.trim() === '') problems.push(`${label} has no message for its 409`);
    const index = indexes.find((i) => i.name === entry.index);
    if (!index || !index.unique) {
      problems.push(`${label}: ${definition.table.name} has no unique index ${entry.index}`);
      continue;
    }
    const sql = definition.storage.columns[attribute.name.toLowerCase()]?.sql;
    const column = sql?.split('.').pop();
    if (!column) {
      problems.push(`${label} has no column of its own, so no index can hold it`);
      continue;
    }
    const key = attribute.caseExact ? column : `lower(${column})`;
    const keys = /\((.*)\)/.exec(index.definition.replace(/ INCLUDE \(.*\)$/, ''))?.[1] ?? '';
    if (keys.replace(/\s+/g, '') !== `tenant_id,${key}`) {
      problems.push(`${label}: index ${entry.index} is on (${keys}), not (tenant_id, ${key})`);
    }
  }
  return problems;
}
