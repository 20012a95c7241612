import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { PARAMS_PROVIDER_TOKEN } from 'nestjs-pino';
import { __resetOutOfContextForTests } from 'nestjs-pino/PinoLogger';
import type { Options } from 'pino-http';
import type { DestinationStream } from 'pino';
import { AppModule } from '../../src/app.module';
import { APP_CONFIG, AppConfig, loadAppConfig } from '../../src/config/app-config';
import { loggingParams } from '../../src/config/logging';
import { configureApp } from '../../src/app.setup';
import { checkedInDocument, contractChecked, OpenApiContract } from './openapi-contract';

export const ADMIN_KEY = 'test-admin-key-0123456789';
export const SCIM_JSON = 'application/scim+json';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  db: DataSource;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Receives the JSON request logs (at level info) instead of their being silenced. */
  logStream?: DestinationStream;
  /** The level of the logs to logStream, info unless set. */
  logLevel?: AppConfig['logLevel'];
  /** Configuration variables that differ from the test environment's (test/setup/env.ts). */
  env?: Record<string, string>;
  /** Settings that differ from those, already typed (applied over `env`). */
  config?: Partial<AppConfig>;
  /** Modules to add to the application's, e.g. a resource type's `ScimResourceModule.forResource(…)`. */
  imports?: ModuleImport[];
}

type ModuleImport = NonNullable<Parameters<typeof Test.createTestingModule>[0]['imports']>[number];

/** The real application (same setup as main.ts) on the test database, without a listening port. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const builder = Test.createTestingModule({ imports: [AppModule, ...(options.imports ?? [])] });
  const config: AppConfig = { ...loadAppConfig({ ...process.env, ...options.env }), ...options.config };
  if (options.env || options.config) builder.overrideProvider(APP_CONFIG).useValue(config);
  if (options.logStream) {
    // Logs made outside a request (the delivery worker's) go to the first logger nestjs-pino made
    // in this process: make it this app's.
    __resetOutOfContextForTests();
    const params = loggingParams({ ...config, logLevel: options.logLevel ?? 'info' });
    builder.overrideProvider(PARAMS_PROVIDER_TOKEN).useValue({
      ...params,
      pinoHttp: [params.pinoHttp as Options, options.logStream],
    });
  }
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false });
  configureApp(app);
  await app.init();
  const http = request(app.getHttpServer());
  return {
    app,
    http: contractChecked(http, contractOf(config, http, options.imports !== undefined)),
    db: app.get(DataSource),
    close: () => app.close(),
  };
}

let checkedIn: OpenApiContract | undefined;

/**
 * The document this app's responses are checked against: openapi.json, or, with an extensions file or
 * modules of the test's own (a resource type), the document the app serves (which has their schemas).
 */
function contractOf(
  config: AppConfig,
  http: ReturnType<typeof request>,
  ownModules: boolean,
): () => Promise<OpenApiContract> {
  if (!config.scimExtensionsFile && !ownModules) {
    return async () => (checkedIn ??= new OpenApiContract(checkedInDocument()));
  }
  let served: Promise<OpenApiContract> | undefined;
  return () =>
    (served ??= http
      .get('/openapi.json')
      .expect(200)
      .then((res) => new OpenApiContract(res.body as Record<string, unknown>)));
}

/** supertest with the admin key. */
export function admin(t: TestApp) {
  const auth = { Authorization: `Bearer ${ADMIN_KEY}` };
  return {
    get: (url: string) => t.http.get(url).set(auth),
    post: (url: string, body?: object) =>
      t.http
        .post(url)
        .set(auth)
        .send(body ?? {}),
    patch: (url: string, body: object) => t.http.patch(url).set(auth).send(body),
    delete: (url: string) => t.http.delete(url).set(auth),
  };
}

export interface TestTenant {
  id: string;
  token: string;
  /** The SCIM base path, e.g. /scim/v2/<id>. */
  base: string;
}

let counter = 0;

/** A fresh tenant with one token, so every test file owns its data and can run again on one database. */
export async function createTenant(t: TestApp, seatLimit: number | null = null): Promise<TestTenant> {
  counter += 1;
  const created = await admin(t)
    .post('/admin/tenants', { name: `Test tenant ${counter}`, seatLimit })
    .expect(201);
  const id = created.body.id as string;
  const token = await admin(t).post(`/admin/tenants/${id}/tokens`, { description: 'test' }).expect(201);
  return { id, token: token.body.token as string, base: `/scim/v2/${id}` };
}

/** supertest bound to a tenant's SCIM base URL and token, sending what Okta sends. */
export function scim(t: TestApp, tenant: TestTenant) {
  const headers = { Authorization: `Bearer ${tenant.token}`, Accept: SCIM_JSON };
  const url = (path: string) => `${tenant.base}${path}`;
  return {
    get: (path: string) => t.http.get(url(path)).set(headers),
    post: (path: string, body: unknown) =>
      t.http
        .post(url(path))
        .set(headers)
        .set('Content-Type', `${SCIM_JSON}; charset=utf-8`)
        .send(JSON.stringify(body)),
    put: (path: string, body: unknown) =>
      t.http.put(url(path)).set(headers).set('Content-Type', SCIM_JSON).send(JSON.stringify(body)),
    patch: (path: string, body: unknown) =>
      t.http.patch(url(path)).set(headers).set('Content-Type', SCIM_JSON).send(JSON.stringify(body)),
    delete: (path: string) => t.http.delete(url(path)).set(headers),
  };
}

/** A PatchOp request body. */
export function patchOp(...operations: Array<Record<string, unknown>>) {
  return { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: operations };
}

/** An app and a fresh tenant shared by one file's tests: created before them, closed after them. */
export interface TenantApp {
  t: TestApp;
  tenant: TestTenant;
  api: ReturnType<typeof scim>;
}

export function useTenantApp(): TenantApp {
  const context = {} as TenantApp;
  beforeAll(async () => {
    context.t = await createTestApp();
    context.tenant = await createTenant(context.t);
    context.api = scim(context.t, context.tenant);
  });
  afterAll(() => context.t?.close());
  return context;
}
