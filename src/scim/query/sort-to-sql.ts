import { ScimError } from '../errors/scim-error';
import { ResourceStorage } from '../filter/filter-to-sql';
import { SqlParams } from '../filter/sql-params';
import { ELEMENT, ELEMENTS_AS } from '../filter/sql-aliases';
import { canonicalName, ResourceSchema } from '../schema/resource-schema';

/**
 * The ORDER BY expression for `sortBy` (RFC 7644 §3.4.2.3): strings that are not caseExact sort
 * case-insensitively; a multi-valued attribute sorts by its primary (else first) value.
 */
export function sortExpression(
  schema: ResourceSchema,
  storage: ResourceStorage,
  sortBy: string,
  params: SqlParams,
): string {
  const path = schema.resolveAttribute(sortBy, 'invalidValue');
  const column = storage.columns[canonicalName(path).toLowerCase()];
  // RFC 7644 §3.4.2.3: a multi-valued attribute sorts by its primary (else first) element's `value`.
  const elementValue =
    path.attribute.multiValued && !path.subAttribute
      ? path.attribute.subAttributes?.find((s) => s.name === 'value')
      : undefined;
  const leaf = path.subAttribute ?? elementValue ?? path.attribute;
  if (leaf.type === 'complex')
    throw ScimError.badRequest('invalidValue', `sortBy "${sortBy}" names a complex attribute`);
  const fold = (sql: string) => (leaf.type === 'string' && !leaf.caseExact ? `lower(${sql})` : sql);
  if (column) return fold(column.kind === 'text' ? column.sql : `${column.sql}`);
  if (storage.relations[path.attribute.name.toLowerCase()]) {
    throw ScimError.badRequest('invalidValue', `sortBy "${sortBy}" is not sortable`);
  }
  const base = [...(path.extension && path.schema ? [path.schema.id] : []), path.attribute.name];
  const cast =
    leaf.type === 'integer' || leaf.type === 'decimal'
      ? '::numeric'
      : leaf.type === 'dateTime'
        ? '::timestamptz'
        : '';
  if (path.attribute.multiValued) {
    const array = `(${storage.data} #> ${params.add(base)}::text[])`;
    const sub = params.add(path.subAttribute?.name ?? 'value');
    return `(SELECT ${fold(`(${ELEMENT} ->> ${sub})`)}${cast} FROM jsonb_array_elements(CASE WHEN jsonb_typeof(${array}) = 'array' THEN ${array} ELSE '[]'::jsonb END) ${ELEMENTS_AS} ORDER BY (${ELEMENT} ->> 'primary') = 'true' DESC LIMIT 1)`;
  }
  const keys = path.subAttribute ? [...base, path.subAttribute.name] : base;
  return `${fold(`(${storage.data} #>> ${params.add(keys)}::text[])`)}${cast}`;
}
