import { AttributeDefinition } from '../schema/attribute';
import { isResolvedPath, ResolvedPath, ResourceSchema } from '../schema/resource-schema';
import { Projection } from './list-query';

type Selection = Map<string, true | Set<string>>;
type ScimObject = Record<string, unknown>;

function keyOf(extensionUrn: string | null, attribute: string): string {
  return `${extensionUrn ?? ''}|${attribute}`.toLowerCase();
}

function select(schema: ResourceSchema, paths: string[]): Selection {
  const selection: Selection = new Map();
  for (const path of paths) {
    const resolved = schema.resolve(path, 'invalidValue');
    if (!resolved) continue; // RFC 7644 §3.9 does not make an unknown name an error; it selects nothing
    if (!isResolvedPath(resolved)) {
      for (const a of resolved.schema.attributes) selection.set(keyOf(resolved.schema.id, a.name), true);
      continue;
    }
    const key = keyOf(extensionOf(resolved), resolved.attribute.name);
    if (!resolved.subAttribute) {
      selection.set(key, true);
      continue;
    }
    const current = selection.get(key);
    if (current === true) continue;
    const subs = current ?? new Set<string>();
    subs.add(resolved.subAttribute.name.toLowerCase());
    selection.set(key, subs);
  }
  return selection;
}

function extensionOf(path: ResolvedPath): string | null {
  return path.extension && path.schema ? path.schema.id : null;
}

/**
 * Applies `attributes` / `excludedAttributes` (RFC 7644 §3.4.2.5, §3.9) and each attribute's
 * `returned` characteristic to a full resource representation.
 */
export class ResponseProjection {
  /** Whether `attributes` was given: then it alone says what is returned, even if it names nothing known. */
  private readonly selecting: boolean;
  private readonly included: Selection;
  private readonly excluded: Selection;

  constructor(
    private readonly schema: ResourceSchema,
    projection: Projection,
  ) {
    this.selecting = projection.attributes.length > 0;
    this.included = select(schema, projection.attributes);
    this.excluded = this.selecting
      ? new Map<string, true | Set<string>>()
      : select(schema, projection.excludedAttributes);
  }

  /** Whether the attribute appears in responses at all; lets services skip loading it (e.g. members). */
  includes(extensionUrn: string | null, attribute: AttributeDefinition): boolean {
    return this.decision(extensionUrn, attribute) !== null;
  }

  /** One attribute's value as the projection returns it (undefined: left out), e.g. streamed members. */
  applyTo(extensionUrn: string | null, attribute: AttributeDefinition, value: unknown): unknown {
    return this.applyAttribute(extensionUrn, attribute, value);
  }

  apply(resource: ScimObject): ScimObject {
    const out: ScimObject = {};
    for (const [name, value] of Object.entries(resource)) {
      if (name === 'schemas') {
        out[name] = value;
        continue;
      }
      const extension = this.schema.extension(name);
      if (extension) {
        const projected = this.applyObject(extension.id, extension.attributes, value as ScimObject);
        if (Object.keys(projected).length > 0) out[name] = projected;
        continue;
      }
      const attribute = this.schema.coreAttribute(name);
      if (!attribute) continue;
      const kept = this.applyAttribute(null, attribute, value);
      if (kept !== undefined) out[name] = kept;
    }
    return out;
  }

  private applyObject(urn: string, attributes: AttributeDefinition[], value: ScimObject): ScimObject {
    const out: ScimObject = {};
    for (const attribute of attributes) {
      if (!(attribute.name in value)) continue;
      const kept = this.applyAttribute(urn, attribute, value[attribute.name]);
      if (kept !== undefined) out[attribute.name] = kept;
    }
    return out;
  }

  private applyAttribute(urn: string | null, attribute: AttributeDefinition, value: unknown): unknown {
    const decision = this.decision(urn, attribute);
    if (decision === null) return undefined;
    if (decision === true || !attribute.subAttributes) return value;
    const filterSubs = (element: unknown) => {
      const object = element as ScimObject;
      const kept: ScimObject = {};
      for (const sub of attribute.subAttributes ?? []) {
        if (sub.name in object && decision(sub)) kept[sub.name] = object[sub.name];
      }
      return kept;
    };
    if (Array.isArray(value)) {
      const elements = value.map(filterSubs).filter((e) => Object.keys(e).length > 0);
      return elements.length > 0 ? elements : undefined;
    }
    const kept = filterSubs(value);
    return Object.keys(kept).length > 0 ? kept : undefined;
  }

  /** null: leave out; true: keep whole; a function: keep the sub-attributes it accepts. */
  private decision(
    urn: string | null,
    attribute: AttributeDefinition,
  ): null | true | ((sub: AttributeDefinition) => boolean) {
    if (attribute.returned === 'never') return null;
    if (attribute.returned === 'always') return true;
    const key = keyOf(urn, attribute.name);
    if (this.selecting) {
      const selected = this.included.get(key);
      if (selected === undefined) return null;
      if (selected === true) return true;
      return (sub) => sub.returned === 'always' || selected.has(sub.name.toLowerCase());
    }
    if (attribute.returned === 'request') return null;
    const excluded = this.excluded.get(key);
    if (excluded === true) return null;
    if (excluded === undefined) return true;
    return (sub) => sub.returned === 'always' || !excluded.has(sub.name.toLowerCase());
  }
}
