import type { Filter } from 'scim2-parse-filter';
import { ScimError } from '../errors/scim-error';
import {
  assertSinglePrimary,
  coerceComplex,
  coerceElement,
  coerceSimple,
  coerceValue,
  isAbsent,
  isObject,
  ScimObject,
} from '../resource/attribute-values';
import { changedAttributes } from '../resource/attribute-diff';
import { AttributeDefinition } from '../schema/attribute';
import { isResolvedPath, ResolvedPath, ResourceSchema } from '../schema/resource-schema';
import { elementMatches, equalityTerms } from './element-matcher';
import { parsePatchPath } from './patch-path';
import { PatchOperation, PatchOpName } from './patch-request';

/**
 * A change to a multi-valued attribute kept as rows (Group members): the engine does not hold such
 * attributes in memory; the owning service applies these in SQL, in the same transaction.
 */
export type RelationChange =
  | { attribute: string; action: 'add' | 'replace'; values: ScimObject[] }
  | { attribute: string; action: 'remove'; values: ScimObject[] | null; filter: Filter | null };

export interface PatchResult {
  data: ScimObject;
  writeOnly: ScimObject;
  relations: RelationChange[];
  /** Canonical names of the top-level attributes whose value changed (URN-prefixed for extensions). */
  changed: string[];
}

/** Attributes a PATCH without a path may name and that are silently ignored (Okta sends `id` on rename). */
const IGNORED_WITHOUT_PATH = new Set(['schemas', 'id', 'meta']);
/** Keys of an extension's value object that are ignored. */
const IGNORED_IN_EXTENSION = new Set(['schemas']);

function clone<T>(value: T): T {
  return structuredClone(value);
}

function noTarget(path: string): ScimError {
  return ScimError.badRequest('noTarget', `path "${path}" matched no value`);
}

function sameElement(a: unknown, b: unknown): boolean {
  if (isObject(a) && isObject(b) && 'value' in a && 'value' in b) {
    return a.value === b.value && (a.type ?? null) === (b.type ?? null);
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Applies RFC 7644 §3.5.2 PATCH operations to a resource's stored document, driven by the schema
 * registry: paths resolve case-insensitively, values are coerced as on create, and the result is
 * checked again (required attributes, one primary). Either every operation applies or an error is
 * thrown and nothing changes.
 */
export class PatchEngine {
  constructor(
    private readonly schema: ResourceSchema,
    /** Lower-case names of attributes stored as rows (reported as RelationChange). */
    private readonly relations: ReadonlySet<string> = new Set(),
  ) {}

  apply(current: ScimObject, operations: PatchOperation[]): PatchResult {
    const result: PatchResult = { data: clone(current), writeOnly: {}, relations: [], changed: [] };
    for (const operation of operations) this.applyOne(result, operation);
    this.validate(result.data);
    result.changed = this.diff(current, result.data, result.writeOnly, result.relations);
    return result;
  }

  private applyOne(result: PatchResult, operation: PatchOperation): void {
    if (operation.path === null) {
      if (operation.op === 'remove') throw ScimError.badRequest('noTarget', 'remove needs a path');
      this.applyObject(result, operation.op, operation.value, null);
      return;
    }
    const parsed = parsePatchPath(operation.path);
    const resolved = this.schema.resolve(parsed.attrPath);
    if (!resolved)
      throw ScimError.badRequest(
        'invalidPath',
        `path "${operation.path}" names no attribute of ${this.schema.name}`,
      );
    if (!isResolvedPath(resolved)) {
      if (parsed.filter)
        throw ScimError.badRequest('invalidPath', `path "${operation.path}" filters a schema`);
      if (operation.op === 'remove') delete result.data[resolved.schema.id];
      else this.applyObject(result, operation.op, operation.value, resolved.schema.id);
      return;
    }
    if (parsed.subAttr) {
      if (resolved.subAttribute)
        throw ScimError.badRequest('invalidPath', `path "${operation.path}" is too deep`);
      const sub = resolved.attribute.subAttributes?.find(
        (s) => s.name.toLowerCase() === parsed.subAttr?.toLowerCase(),
      );
      if (!sub) throw ScimError.badRequest('invalidPath', `path "${operation.path}" names no sub-attribute`);
      resolved.subAttribute = sub;
    }
    this.applyPath(result, operation.op, resolved, parsed.filter, operation.value, operation.path);
  }

  /** add/replace with a value object: each key is a path (`name.givenName`, `urn:…:department`). */
  private applyObject(
    result: PatchResult,
    op: PatchOpName,
    value: unknown,
    extensionUrn: string | null,
  ): void {
    if (!isObject(value)) {
      throw ScimError.badRequest(
        'invalidValue',
        extensionUrn ? `${extensionUrn} must be an object` : `${op} without a path needs an object value`,
      );
    }
    for (const [key, item] of Object.entries(value)) {
      // An extension object may repeat `schemas` (python-scim sends it); it names no attribute.
      const ignored = extensionUrn === null ? IGNORED_WITHOUT_PATH : IGNORED_IN_EXTENSION;
      if (ignored.has(key.toLowerCase())) continue;
      const path = extensionUrn ? `${extensionUrn}:${key}` : key;
      const resolved = this.schema.resolve(path);
      if (!resolved && extensionUrn) {
        // The path names a valid extension: what is wrong is the value given for it.
        throw ScimError.badRequest('invalidValue', `"${key}" is not an attribute of ${extensionUrn}`);
      }
      if (!resolved)
        throw ScimError.badRequest('invalidPath', `"${key}" is not an attribute of ${this.schema.name}`);
      if (!isResolvedPath(resolved)) {
        this.applyObject(result, op, item, resolved.schema.id);
        continue;
      }
      if ((resolved.subAttribute ?? resolved.attribute).mutability === 'readOnly') continue;
      this.applyPath(result, op, resolved, null, item, path);
    }
  }

  private applyPath(
    result: PatchResult,
    op: PatchOpName,
    path: ResolvedPath,
    filter: Filter | null,
    value: unknown,
    label: string,
  ): void {
    const { attribute, subAttribute } = path;
    if ((subAttribute ?? attribute).mutability === 'readOnly' || attribute.mutability === 'readOnly') {
      throw ScimError.badRequest('mutability', `${label} is readOnly`);
    }
    if (this.relations.has(attribute.name.toLowerCase())) {
      result.relations.push(this.relationChange(op, attribute, filter, value, label));
      return;
    }
    if (attribute.mutability === 'writeOnly') {
      result.writeOnly[attribute.name] = op === 'remove' ? null : coerceValue(attribute, value, label);
      return;
    }
    const container = this.container(result.data, path);
    if (attribute.mutability === 'immutable' && container[attribute.name] !== undefined) {
      throw ScimError.badRequest('mutability', `${label} is immutable and already set`);
    }
    if (filter) this.applyFiltered(container, op, attribute, subAttribute, filter, value, label);
    else if (attribute.multiValued) this.applyMulti(container, op, attribute, subAttribute, value, label);
    else this.applySingle(container, op, attribute, subAttribute, value, label);
  }

  private container(data: ScimObject, path: ResolvedPath): ScimObject {
    if (!path.extension || !path.schema) return data;
    const existing = data[path.schema.id];
    if (isObject(existing)) return existing;
    const created: ScimObject = {};
    data[path.schema.id] = created;
    return created;
  }

  private applySingle(
    container: ScimObject,
    op: PatchOpName,
    attribute: AttributeDefinition,
    sub: AttributeDefinition | undefined,
    value: unknown,
    label: string,
  ): void {
    const name = attribute.name;
    if (sub) {
      const parent = isObject(container[name]) ? container[name] : {};
      if (op === 'remove' || isAbsent(value) || value === '') delete parent[sub.name];
      else parent[sub.name] = coerceSimple(sub, value, label);
      if (Object.keys(parent).length > 0) container[name] = parent;
      else delete container[name];
      return;
    }
    if (op === 'remove' || isAbsent(value)) {
      delete container[name];
      return;
    }
    if (attribute.type === 'complex') {
      const incoming = coerceComplex(attribute, value, label);
      // RFC 7644 §3.5.2.3: sub-attributes not named in the value are left unchanged.
      const merged =
        incoming === null ? null : { ...(isObject(container[name]) ? container[name] : {}), ...incoming };
      if (merged === null) delete container[name];
      else container[name] = merged;
      return;
    }
    container[name] = coerceSimple(attribute, value, label);
  }

  private applyMulti(
    container: ScimObject,
    op: PatchOpName,
    attribute: AttributeDefinition,
    sub: AttributeDefinition | undefined,
    value: unknown,
    label: string,
  ): void {
    const name = attribute.name;
    const current = Array.isArray(container[name]) ? (container[name] as unknown[]) : [];
    if (sub) {
      // `emails.type` without a filter: every element.
      for (const element of current) {
        if (!isObject(element)) continue;
        if (op === 'remove') delete element[sub.name];
        else element[sub.name] = coerceSimple(sub, value, label);
      }
      this.setList(
        container,
        name,
        current.filter((e) => !isObject(e) || Object.keys(e).length > 0),
      );
      return;
    }
    if (op === 'remove') {
      if (isAbsent(value)) delete container[name];
      else {
        const doomed = (coerceValue(attribute, value, label) as unknown[] | null) ?? [];
        this.setList(
          container,
          name,
          current.filter((e) => !doomed.some((d) => sameElement(e, d))),
        );
      }
      return;
    }
    const incoming = (coerceValue(attribute, value, label) as unknown[] | null) ?? [];
    if (op === 'replace') {
      this.setList(container, name, incoming);
      return;
    }
    const added = incoming.filter((e) => !current.some((c) => sameElement(c, e)));
    if (added.some((e) => isObject(e) && e.primary === true)) this.clearPrimary(current);
    this.setList(container, name, [...current, ...added]);
  }

  private applyFiltered(
    container: ScimObject,
    op: PatchOpName,
    attribute: AttributeDefinition,
    sub: AttributeDefinition | undefined,
    filter: Filter,
    value: unknown,
    label: string,
  ): void {
    if (!attribute.multiValued || attribute.type !== 'complex') {
      throw ScimError.badRequest(
        'invalidPath',
        `path "${label}" filters an attribute that is not multi-valued and complex`,
      );
    }
    const list = Array.isArray(container[attribute.name]) ? (container[attribute.name] as unknown[]) : [];
    const matches = list.filter((e) => elementMatches(filter, e, attribute)) as ScimObject[];
    if (matches.length === 0) {
      if (op !== 'add') throw noTarget(label);
      // add through a filter creates the element the filter describes, e.g. emails[type eq "work"].value
      const element: ScimObject = {};
      for (const [key, expected] of equalityTerms(filter)) {
        const s = attribute.subAttributes?.find((x) => x.name.toLowerCase() === key.toLowerCase());
        if (s) element[s.name] = expected;
      }
      list.push(element);
      matches.push(element);
    }
    if (op === 'remove') {
      if (sub) for (const m of matches) delete m[sub.name];
      const kept = sub
        ? list.filter((e) => !isObject(e) || Object.keys(e).length > 0)
        : list.filter((e) => !matches.includes(e as ScimObject));
      this.setList(container, attribute.name, kept);
      return;
    }
    for (const m of matches) {
      if (sub) {
        if (isAbsent(value) || value === '') delete m[sub.name];
        else m[sub.name] = coerceSimple(sub, value, label);
      } else {
        const incoming = coerceElement(attribute, value, label);
        if (isObject(incoming)) Object.assign(m, incoming);
      }
    }
    if (matches.some((m) => m.primary === true))
      this.clearPrimary(list.filter((e) => !matches.includes(e as ScimObject)));
    this.setList(container, attribute.name, list);
  }

  private relationChange(
    op: PatchOpName,
    attribute: AttributeDefinition,
    filter: Filter | null,
    value: unknown,
    label: string,
  ): RelationChange {
    const values = isAbsent(value)
      ? null
      : ((coerceValue(attribute, value, label) as ScimObject[] | null) ?? []);
    if (op === 'remove') return { attribute: attribute.name, action: 'remove', values, filter };
    if (filter) throw ScimError.badRequest('invalidPath', `${op} on "${label}" cannot take a value filter`);
    return { attribute: attribute.name, action: op, values: values ?? [] };
  }

  private clearPrimary(elements: unknown[]): void {
    for (const e of elements) if (isObject(e) && e.primary === true) delete e.primary;
  }

  private setList(container: ScimObject, name: string, list: unknown[]): void {
    if (list.length > 0) container[name] = list;
    else delete container[name];
  }

  private validate(data: ScimObject): void {
    const check = (attributes: AttributeDefinition[], values: ScimObject, prefix: string) => {
      for (const attribute of attributes) {
        const label = prefix + attribute.name;
        if (attribute.required && isAbsent(values[attribute.name])) {
          throw ScimError.badRequest('invalidValue', `${label} is required and cannot be removed`);
        }
        assertSinglePrimary(attribute, values[attribute.name], label);
      }
    };
    check(this.schema.coreSchema.attributes, data, '');
    for (const extension of this.schema.extensions) {
      const own = data[extension.id];
      if (isObject(own) && Object.keys(own).length === 0) delete data[extension.id];
      else if (isObject(own)) check(extension.attributes, own, `${extension.id}:`);
    }
  }

  private diff(
    before: ScimObject,
    after: ScimObject,
    writeOnly: ScimObject,
    relations: RelationChange[],
  ): string[] {
    const changed = new Set(changedAttributes(this.schema, before, after));
    for (const key of Object.keys(writeOnly)) changed.add(key);
    for (const r of relations) changed.add(r.attribute);
    return [...changed].sort();
  }
}
