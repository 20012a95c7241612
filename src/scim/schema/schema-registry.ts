import { ScimError } from '../errors/scim-error';
import { ResourceTypeDefinition, SchemaDefinition } from './attribute';
import {
  ENTERPRISE_USER_SCHEMA_DEFINITION,
  GROUP_SCHEMA_DEFINITION,
  USER_SCHEMA_DEFINITION,
} from './core-schemas';
import { assertNoBuiltInNames, DeclaredExtension, readExtensionsFile } from './extensions-file';
import { ResourceSchema } from './resource-schema';
import { GROUP_SCHEMA, USER_SCHEMA } from './urns';

export type ResourceTypeName = 'User' | 'Group';

/** A schema built into Rollcall and attached to a resource type (e.g. a module's own extension). */
export interface BuiltInExtension {
  resourceType: ResourceTypeName;
  required: boolean;
  schema: SchemaDefinition;
}

/**
 * The single definition of every schema and attribute. Discovery, validation, filters, PATCH,
 * projection and the OpenAPI document all read it, and nothing else.
 */
export class SchemaRegistry {
  private readonly resources: Map<string, ResourceSchema>;

  constructor(builtIn: BuiltInExtension[] = [], extensionsFile: string | null = null) {
    const reserved = [USER_SCHEMA, GROUP_SCHEMA, ...builtIn.map((b) => b.schema.id)];
    const declared: DeclaredExtension[] = extensionsFile ? readExtensionsFile(extensionsFile, reserved) : [];
    // Resolution order of unqualified names: core, then Enterprise, then the built-ins, then the file's.
    const builtInExtensions: BuiltInExtension[] = [
      { resourceType: 'User', required: false, schema: ENTERPRISE_USER_SCHEMA_DEFINITION },
      ...builtIn,
    ];
    if (extensionsFile) {
      assertNoBuiltInNames(
        extensionsFile,
        declared,
        builtInExtensions.map((e) => e.schema),
      );
    }
    const extensions = [...builtInExtensions, ...declared];
    const forType = (name: ResourceTypeName) => extensions.filter((e) => e.resourceType === name);
    const build = (
      name: ResourceTypeName,
      endpoint: string,
      description: string,
      core: SchemaDefinition,
    ): ResourceSchema => {
      const own = forType(name);
      const type: ResourceTypeDefinition = {
        id: name,
        name,
        endpoint,
        description,
        schema: core.id,
        schemaExtensions: own.map((e) => ({ schema: e.schema.id, required: e.required })),
      };
      return new ResourceSchema(
        type,
        core,
        own.map((e) => e.schema),
      );
    };
    this.resources = new Map([
      ['user', build('User', '/Users', 'User Account', USER_SCHEMA_DEFINITION)],
      ['group', build('Group', '/Groups', 'Group', GROUP_SCHEMA_DEFINITION)],
    ]);
  }

  resource(name: ResourceTypeName): ResourceSchema {
    const resource = this.resources.get(name.toLowerCase());
    if (!resource) throw new Error(`unknown resource type ${name}`);
    return resource;
  }

  resourceTypes(): ResourceTypeDefinition[] {
    return [...this.resources.values()].map((r) => r.type);
  }

  findResourceType(name: string): ResourceTypeDefinition {
    const found = this.resources.get(name.toLowerCase())?.type;
    if (!found) throw ScimError.notFound(`No ResourceType "${name}"`);
    return found;
  }

  /** Every schema, core first, each once. */
  schemas(): SchemaDefinition[] {
    const all = [...this.resources.values()].flatMap((r) => [r.coreSchema, ...r.extensions]);
    return [...new Map(all.map((s) => [s.id, s])).values()];
  }

  findSchema(id: string): SchemaDefinition {
    const found = this.schemas().find((s) => s.id.toLowerCase() === id.toLowerCase());
    if (!found) throw ScimError.notFound(`No Schema "${id}"`);
    return found;
  }
}
