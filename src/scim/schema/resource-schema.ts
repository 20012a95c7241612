import { ScimError } from '../errors/scim-error';
import { AttributeDefinition, ResourceTypeDefinition, SchemaDefinition } from './attribute';
import { COMMON_ATTRIBUTES } from './core-schemas';

/** An attribute path resolved against a resource type's schemas, names in their canonical case. */
export interface ResolvedPath {
  /** The schema that defines the attribute; null for the common attributes (id, externalId, meta). */
  schema: SchemaDefinition | null;
  /** True when the attribute lives in an extension schema (stored under its URN). */
  extension: boolean;
  attribute: AttributeDefinition;
  subAttribute?: AttributeDefinition;
}

/** A path naming a whole extension schema, e.g. a PATCH path of just the enterprise URN. */
export interface ResolvedExtension {
  schema: SchemaDefinition;
}

function byName(attributes: AttributeDefinition[]): Map<string, AttributeDefinition> {
  return new Map(attributes.map((a) => [a.name.toLowerCase(), a]));
}

/** An extension attribute that an unqualified name may stand for. */
interface ExtensionCandidate {
  schema: SchemaDefinition;
  attribute: AttributeDefinition;
}

type PathErrorType = 'invalidFilter' | 'invalidPath' | 'invalidValue';

/** The schemas of one resource type (core + extensions + common attributes), looked up case-insensitively. */
export class ResourceSchema {
  private readonly core: Map<string, AttributeDefinition>;
  private readonly common = byName(COMMON_ATTRIBUTES);
  private readonly extensionsByUrn: Map<
    string,
    { schema: SchemaDefinition; attributes: Map<string, AttributeDefinition> }
  >;
  /** Extension attributes by lower-case name, in the order of `extensions` (Enterprise, seat, the file's). */
  private readonly byUnqualifiedName = new Map<string, ExtensionCandidate[]>();

  constructor(
    readonly type: ResourceTypeDefinition,
    readonly coreSchema: SchemaDefinition,
    readonly extensions: SchemaDefinition[],
  ) {
    this.core = byName(coreSchema.attributes);
    this.extensionsByUrn = new Map(
      extensions.map((schema) => [
        schema.id.toLowerCase(),
        { schema, attributes: byName(schema.attributes) },
      ]),
    );
    for (const schema of extensions) {
      for (const attribute of schema.attributes) {
        const key = attribute.name.toLowerCase();
        this.byUnqualifiedName.set(key, [...(this.byUnqualifiedName.get(key) ?? []), { schema, attribute }]);
      }
    }
  }

  get name(): string {
    return this.type.name;
  }

  /** Every schema URI this resource type may carry in `schemas`. */
  get schemaUris(): string[] {
    return [this.coreSchema.id, ...this.extensions.map((e) => e.id)];
  }

  extension(urn: string): SchemaDefinition | undefined {
    return this.extensionsByUrn.get(urn.toLowerCase())?.schema;
  }

  /** A top-level core or common attribute by name, any case. */
  coreAttribute(name: string): AttributeDefinition | undefined {
    const key = name.toLowerCase();
    return this.core.get(key) ?? this.common.get(key);
  }

  extensionAttribute(urn: string, name: string): AttributeDefinition | undefined {
    return this.extensionsByUrn.get(urn.toLowerCase())?.attributes.get(name.toLowerCase());
  }

  /** The extension or core schema URN a path starts with, and the rest of the path. */
  splitUrn(path: string): { urn: string | null; rest: string } {
    const lower = path.toLowerCase();
    for (const urn of [...this.extensionsByUrn.keys(), this.coreSchema.id.toLowerCase()]) {
      if (lower === urn) return { urn, rest: '' };
      if (lower.startsWith(urn + ':')) return { urn, rest: path.slice(urn.length + 1) };
    }
    return { urn: null, rest: path };
  }

  /**
   * Resolves `attr`, `attr.sub`, `urn:…:attr` or `urn:…:attr.sub` (RFC 7644 §3.10), or returns
   * null when no schema defines it. A bare extension URN resolves to the extension itself. An
   * unqualified name that no core or common attribute has resolves to the one extension attribute of
   * that name (Entra sends `manager` and `department` so); one that several extensions define is
   * refused with `scimType`, naming them.
   */
  resolve(path: string, scimType: PathErrorType = 'invalidPath'): ResolvedPath | ResolvedExtension | null {
    const { urn, rest } = this.splitUrn(path.trim());
    const extension = urn ? this.extensionsByUrn.get(urn) : undefined;
    if (extension && rest === '') return { schema: extension.schema };
    const [name, sub, ...more] = rest.split('.');
    if (!name || more.length > 0) return null;
    let attribute: AttributeDefinition | undefined;
    let schema: SchemaDefinition | null;
    if (extension) {
      attribute = extension.attributes.get(name.toLowerCase());
      schema = extension.schema;
    } else {
      attribute = this.core.get(name.toLowerCase());
      schema = attribute ? this.coreSchema : null;
      if (!attribute && urn === null) attribute = this.common.get(name.toLowerCase());
    }
    let inExtension = Boolean(extension);
    if (!attribute && urn === null) {
      const candidate = this.unqualifiedExtensionAttribute(name, scimType);
      if (candidate) {
        ({ schema, attribute } = candidate);
        inExtension = true;
      }
    }
    if (!attribute) return null;
    const resolved: ResolvedPath = { schema, extension: inExtension, attribute };
    if (sub === undefined) return resolved;
    const subAttribute = attribute.subAttributes?.find((s) => s.name.toLowerCase() === sub.toLowerCase());
    return subAttribute ? { ...resolved, subAttribute } : null;
  }

  /** The single extension attribute an unqualified name stands for; several is an error. */
  private unqualifiedExtensionAttribute(name: string, scimType: PathErrorType): ExtensionCandidate | null {
    const candidates = this.byUnqualifiedName.get(name.toLowerCase()) ?? [];
    if (candidates.length > 1) {
      const names = candidates.map((c) => `${c.schema.id}:${c.attribute.name}`).join(', ');
      throw ScimError.badRequest(
        scimType,
        `"${name}" is ambiguous: it is an attribute of several extensions (${names}); use the full name`,
      );
    }
    return candidates[0] ?? null;
  }

  /** Like resolve, for an attribute (not a whole extension); `scimType` names the error when it fails. */
  resolveAttribute(path: string, scimType: PathErrorType): ResolvedPath {
    const resolved = this.resolve(path, scimType);
    if (!resolved || !('attribute' in resolved)) {
      throw ScimError.badRequest(scimType, `"${path}" is not an attribute of ${this.name}`);
    }
    return resolved;
  }
}

export function isResolvedPath(value: ResolvedPath | ResolvedExtension | null): value is ResolvedPath {
  return value !== null && 'attribute' in value;
}

/** The canonical dotted name of a resolved path, with its URN for extension attributes. */
export function canonicalName(path: ResolvedPath): string {
  const local = path.subAttribute ? `${path.attribute.name}.${path.subAttribute.name}` : path.attribute.name;
  return path.extension && path.schema ? `${path.schema.id}:${local}` : local;
}
