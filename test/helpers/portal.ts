import { admin, TestApp } from './test-app';

/** The value of a Set-Cookie header's cookie, by name. */
export function cookieFrom(setCookie: string[] | string | undefined, name: string): string | null {
  const lines = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const line = lines.find((l) => l.startsWith(`${name}=`));
  return line ? decodeURIComponent(line.slice(name.length + 1).split(';')[0]) : null;
}

/** The CSRF token of the first form on a page. */
export function csrfOf(html: string): string {
  const match = /name="csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF field on the page');
  return match[1];
}

/** The path of a portal link (`/portal/link/<code>`), from the admin API. */
export async function portalLink(t: TestApp, tenantId: string, body: object = {}): Promise<string> {
  const res = await admin(t).post(`/admin/tenants/${tenantId}/portal-links`, body).expect(201);
  return new URL(res.body.url as string).pathname;
}

export interface PortalClient {
  cookie: string;
  csrf: string;
  get(path: string): ReturnType<TestApp['http']['get']>;
  /** A form POST with the session's CSRF token (unless `fields` gives another). */
  post(path: string, fields?: Record<string, string>): ReturnType<TestApp['http']['post']>;
}

/** Opens the tenant's portal as its admin would: a link, its page, Continue. */
export async function signIn(t: TestApp, tenantId: string): Promise<PortalClient> {
  const link = await portalLink(t, tenantId);
  const page = await t.http.get(link).expect(200);
  const linkCookie = cookieFrom(page.headers['set-cookie'], 'rollcall_portal_link');
  const redeemed = await t.http
    .post(link)
    .set('Cookie', `rollcall_portal_link=${linkCookie}`)
    .type('form')
    .send({ csrf: csrfOf(page.text) })
    .expect(303);
  const session = cookieFrom(redeemed.headers['set-cookie'], 'rollcall_portal_session');
  if (!session) throw new Error('no session cookie');
  const cookie = `rollcall_portal_session=${session}`;
  const setup = await t.http.get('/portal/setup').set('Cookie', cookie).expect(200);
  const csrf = csrfOf(setup.text);
  return {
    cookie,
    csrf,
    get: (path) => t.http.get(path).set('Cookie', cookie),
    post: (path, fields = {}) =>
      t.http
        .post(path)
        .set('Cookie', cookie)
        .type('form')
        .send({ csrf, ...fields }),
  };
}
