import type { NestExpressApplication } from '@nestjs/platform-express';

/** One route of the running app: its method and its path template (`/scim/v2/:tenantId/Users/:id`). */
export interface AppRoute {
  method: string;
  path: string;
}

export const routeKey = (route: AppRoute) => `${route.method} ${route.path}`;
export const isScimRoute = (route: AppRoute) => route.path.startsWith('/scim/');

interface RouterLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/** The SCIM and admin routes of the running app, read from its Express router. */
export function scimAndAdminRoutes(app: NestExpressApplication): AppRoute[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: RouterLayer[] } };
  const routes: AppRoute[] = [];
  for (const layer of express.router.stack) {
    if (!layer.route) continue;
    const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
    for (const path of paths) {
      // A wildcard is middleware mounted on a prefix (the activity log's), not an endpoint.
      if (!/^\/(scim|admin)\//.test(path) || path.includes('*')) continue;
      for (const [method, on] of Object.entries(layer.route.methods)) {
        if (on && method !== '_all') routes.push({ method: method.toUpperCase(), path });
      }
    }
  }
  return routes;
}

/** The names of a template's parameters, in order: `:tenantId`, `:id`. */
export function pathParameters(template: string): string[] {
  return [...template.matchAll(/:(\w+)/g)].map((m) => m[1]);
}

/** A template with its parameters filled in (values are put in as given: already encoded). */
export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/:(\w+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${template}`);
    return value;
  });
}

/** The OpenAPI path of a template (`/scim/v2/{tenantId}/Users/{id}`). */
export function openApiPath(template: string): string {
  return template.replace(/:(\w+)/g, '{$1}');
}
