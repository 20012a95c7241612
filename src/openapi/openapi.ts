import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { SchemaRegistry } from '../scim/schema/schema-registry';
import type {
  ParameterObject,
  ReferenceObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { PROBLEM_DETAILS_SCHEMA, problemDetailsSchema } from './api-responses';
import { scimComponents } from './scim-openapi';

const DESCRIPTION = `Rollcall is a multi-tenant SCIM 2.0 (RFC 7643, RFC 7644) provisioning server.

* **Admin API** (\`/admin\`): what the SaaS's backend calls: tenants, their SCIM bearer tokens, seats,
  events, webhooks, activity. Authorize with the admin API key. Lists answer \`{items, nextCursor}\`,
  keyset-paged with \`limit\` and \`cursor\` (\`nextCursor\` null on the last page); the event feed,
  a tail rather than a finite list, answers \`{items, cursor}\`, \`cursor\` always present. Errors
  are RFC 9457 problem details (\`application/problem+json\`), with \`errors\` naming each refused field.
* **SCIM API** (\`/scim/v2/{tenantId}\`): what an identity provider (Okta, Microsoft Entra ID, OneLogin,
  JumpCloud) calls. Authorize with a tenant's bearer token; the tenant in the URL must be the token's.
  Every answer is \`application/scim+json\`; errors are SCIM Error documents
  (\`urn:ietf:params:scim:api:messages:2.0:Error\`).

CHANGELOG.md lists what each version changed.`;

/** Tags in the order Swagger UI shows them: the operator's API first, then what IdPs call. */
const TAGS: Array<[string, string]> = [
  ['Admin: tenants', 'Tenants and their SCIM bearer tokens'],
  ['Admin: seats', 'Seat usage, claims and history'],
  ['Admin: events and webhooks', 'The change feed and webhook endpoints'],
  ['Admin: activity', "The tenant's SCIM requests and connection health"],
  ['Admin: tenant portal', "Links to the tenant's admin portal"],
  ['SCIM: Users', 'RFC 7644 §3 on Users'],
  ['SCIM: Groups', 'RFC 7644 §3 on Groups'],
  ['SCIM: search', 'RFC 7644 §3.4.3 across resource types'],
  ['SCIM: discovery', 'RFC 7644 §4'],
  ['SCIM: Me', 'RFC 7644 §3.11'],
  ['Health', 'Liveness, readiness and where things are'],
];

/** The API's version is the package's (CHANGELOG.md says what each one changed). */
const VERSION = (
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }
).version;

/** The OpenAPI document, generated from the controllers; `npm run openapi` writes it to openapi.json. */
export function buildOpenApiDocument(
  app: INestApplication,
  registry: SchemaRegistry = app.get(SchemaRegistry),
): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Rollcall API')
    .setDescription(DESCRIPTION)
    .setVersion(VERSION)
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'opaque',
        description:
          'The admin API key: an opaque string (generated ones are rca_ followed by 43 base64url ' +
          'characters), the ADMIN_API_KEY or the one printed at first start. Not a JWT.',
      },
      'admin',
    )
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'opaque',
        description:
          "A tenant's SCIM token: an opaque string, rcs_ followed by 43 base64url characters, issued " +
          'by POST /admin/tenants/{tenantId}/tokens. Not a JWT.',
      },
      'tenant',
    );
  for (const [name, description] of TAGS) config.addTag(name, description);
  const document = SwaggerModule.createDocument(app, config.build());
  document.components = document.components ?? {};
  document.components.schemas = {
    ...document.components.schemas,
    ...scimComponents(registry),
    [PROBLEM_DETAILS_SCHEMA]: problemDetailsSchema,
  };
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = path[method];
      if (operation?.parameters) operation.parameters = [...operation.parameters].sort(byParameterPlace);
    }
  }
  return document;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Path parameters first, `tenantId` first of them (as in the URL), then the query in its order. */
function byParameterPlace(
  a: ParameterObject | ReferenceObject,
  b: ParameterObject | ReferenceObject,
): number {
  const rank = (p: ParameterObject | ReferenceObject) =>
    '$ref' in p ? 3 : p.in === 'path' ? (p.name === 'tenantId' ? 0 : 1) : 2;
  return rank(a) - rank(b);
}

/** Serves the document at /openapi.json and Swagger UI at /docs. */
export function serveOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'openapi.json',
    yamlDocumentUrl: 'openapi.yaml',
    customSiteTitle: 'Rollcall API',
    swaggerOptions: { persistAuthorization: true },
  });
}
