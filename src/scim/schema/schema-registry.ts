import { ScimError } from '../errors/scim-error';
import { ResourceDefinition } from '../resource/resource-definition';
import { ResourceTypeDefinition, SchemaDefinition } from './attribute';
import { assertNoBuiltInNames, DeclaredExtension, readExtensionsFile } from './extensions-file';
import { ResourceSchema } from './resource-schema';

/** A registered resource type's name: `User`, `Group`, … */
export type ResourceTypeName = string;

/**
 * The single definition of every schema and attribute, built from the registered resource types and
 * the operator's extensions file. Discovery, validation, filters, PATCH, projection and the OpenAPI
 * document all read it, and nothing else.
 */
export class SchemaRegistry {
  private readonly resources: Map<string, ResourceSchema>;
  private readonly definitions: Map<string, ResourceDefinition>;

  constructor(definitions: readonly ResourceDefinition[], extensionsFile: string | null = null) {
    const builtIn = definitions.flatMap((d) => [d.schema, ...d.extensions.map((e) => e.schema)]);
    const declared: DeclaredExtension[] = extensionsFile
      ? readExtensionsFile(
          extensionsFile,
          builtIn.map((s) => s.id),
        )
      : [];
    if (extensionsFile) {
      assertNoBuiltInNames(
        extensionsFile,
        declared,
        definitions.flatMap((d) => d.extensions.map((e) => e.schema)),
      );
    }
    // Resolution order of unqualified names: core, then the type's built-in extensions, then the file's.
    const build = (definition: ResourceDefinition): ResourceSchema => {
      const own = [...definition.extensions, ...declared.filter((e) => e.resourceType === definition.name)];
      const type: ResourceTypeDefinition = {
        id: definition.name,
        name: definition.name,
        endpoint: definition.endpoint,
        description: definition.description,
        schema: definition.schema.id,
        schemaExtensions: own.map((e) => ({ schema: e.schema.id, required: e.required })),
      };
      return new ResourceSchema(
        type,
        definition.schema,
        own.map((e) => e.schema),
      );
    };
    this.resources = new Map(definitions.map((d) => [d.name.toLowerCase(), build(d)]));
    this.definitions = new Map(definitions.map((d) => [d.name.toLowerCase(), d]));
  }

  /** The registered definition of a resource type. */
  definition(name: ResourceTypeName): ResourceDefinition {
    const definition = this.definitions.get(name.toLowerCase());
    if (!definition) throw new Error(`unknown resource type ${name}`);
    return definition;
  }

  /** Every registered definition, in registration order. */
  allDefinitions(): ResourceDefinition[] {
    return [...this.definitions.values()];
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
