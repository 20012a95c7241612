import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { SchemaRegistry } from '../scim/schema/schema-registry';
import { scimComponents } from './scim-openapi';

const DESCRIPTION = `Rollcall is a multi-tenant SCIM 2.0 (RFC 7643, RFC 7644) provisioning server.

* **Admin API** (\`/admin\`): tenants and their SCIM bearer tokens. Authorize with the admin API key.
* **SCIM API** (\`/scim/v2/{tenantId}\`): what an identity provider (Okta, Microsoft Entra ID, OneLogin,
  JumpCloud) calls. Authorize with a tenant's bearer token; the tenant in the URL must be the token's.

Every error is a SCIM Error document (\`urn:ietf:params:scim:api:messages:2.0:Error\`).`;

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
    .setTitle('Rollcall')
    .setDescription(DESCRIPTION)
    .setVersion(VERSION)
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'The ADMIN_API_KEY' }, 'admin')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: "A tenant's SCIM token (rcs_…)" }, 'tenant')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = document.components ?? {};
  document.components.schemas = { ...document.components.schemas, ...scimComponents(registry) };
  return document;
}

/** Serves the document at /openapi.json and Swagger UI at /docs. */
export function serveOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'openapi.json',
    yamlDocumentUrl: 'openapi.yaml',
    swaggerOptions: { persistAuthorization: true },
  });
}
