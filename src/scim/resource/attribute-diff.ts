import { ResourceSchema } from '../schema/resource-schema';
import { isObject, ScimObject } from './attribute-values';

/**
 * Canonical names of the attributes whose value differs between two stored documents; extension
 * attributes are named with their URN (`urn:…:User:department`). Feeds `user.updated` events and
 * the PATCH engine's change list.
 */
export function changedAttributes(schema: ResourceSchema, before: ScimObject, after: ScimObject): string[] {
  const changed = new Set<string>();
  const compare = (a: ScimObject, b: ScimObject, prefix: string) => {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (prefix === '' && schema.extension(key)) {
        compare(isObject(a[key]) ? a[key] : {}, isObject(b[key]) ? b[key] : {}, `${key}:`);
      } else if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) {
        changed.add(prefix + key);
      }
    }
  };
  compare(before, after, '');
  return [...changed].sort();
}
