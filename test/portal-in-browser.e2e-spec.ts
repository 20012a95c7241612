/// <reference lib="dom" />
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describeInBrowser, openBrowser, BrowserSession } from './helpers/browser';
import { freePort } from './helpers/spawned-server';
import { admin, createTestApp, SCIM_JSON, TestApp } from './helpers/test-app';

/** The README's screenshots are rewritten only when asked (`UPDATE_SCREENSHOTS=true`); otherwise they go to a scratch folder. */
const SCREENSHOTS =
  process.env.UPDATE_SCREENSHOTS === 'true'
    ? join(__dirname, '..', 'docs', 'portal')
    : mkdtempSync(join(tmpdir(), 'rollcall-portal-'));
const OKTA_AGENT = 'Okta SCIM Client 1.0.0';
const XSS = '<img src=x onerror=alert(1)>';

/** axe-core, run inside the page (evaluated through the DevTools protocol, which the page's CSP does not govern). */
async function seriousViolations(page: Page): Promise<string[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { source } = require('axe-core') as { source: string };
  await page.evaluate(source);
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document) => Promise<{ violations: unknown[] }> } })
      .axe;
    return axe.run(document);
  });
  return (results.violations as Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>)
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * The scenario, as the customer's admin and Okta would live it: the operator makes a link,
 * the admin opens it in Chromium, turns SCIM on, generates a token; Okta tests the credentials and
 * creates two users, one past the seat limit; the admin revokes the token; reusing the link fails;
 * what Okta sent shows as text; axe-core finds no serious violation on any page.
 */
describeInBrowser('The tenant admin portal in a browser', () => {
  const host = 'portal.test';
  let t: TestApp;
  let base: string;
  let browser: BrowserSession;
  let page: Page;
  const cspViolations: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const port = await freePort();
    base = `http://${host}:${port}`;
    t = await createTestApp({
      env: {
        PUBLIC_URL: base,
        PORTAL_PRODUCT_NAME: 'Acme Cloud',
        PORTAL_RETURN_ORIGINS: 'https://app.acme.test',
      },
    });
    await t.app.listen(port, '127.0.0.1');
    browser = await openBrowser([host]);
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 900 });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function checkPage(name: string): Promise<void> {
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  }

  /** Okta's requests, with the token read from the page. */
  function okta(token: string) {
    const headers = { Authorization: `Bearer ${token}`, Accept: SCIM_JSON, 'User-Agent': OKTA_AGENT };
    return {
      get: (path: string) => t.http.get(path).set(headers),
      post: (path: string, body: unknown) =>
        t.http
          .post(path)
          .set(headers)
          .set('Content-Type', `${SCIM_JSON}; charset=utf-8`)
          .send(JSON.stringify(body)),
    };
  }

  it('runs the admin’s setup from the link to a revoked token', async () => {
    // The operator creates the tenant with provisioning off: its admin turns it on when ready.
    const tenant = (
      await admin(t).post('/admin/tenants', { name: 'Globex', seatLimit: 2, scimEnabled: false }).expect(201)
    ).body;
    const scimBase = `/scim/v2/${tenant.id as string}`;

    // 1. The operator's product asks for a link; the admin opens it and presses Continue.
    const link = (
      await admin(t)
        .post(`/admin/tenants/${tenant.id as string}/portal-links`, {
          returnUrl: 'https://app.acme.test/settings',
        })
        .expect(201)
    ).body.url as string;
    await page.goto(link);
    expect(await page.locator('h1').innerText()).toBe('Set up SCIM provisioning');
    await checkPage('1-continue');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${base}/portal/setup`);
    expect(page.url()).not.toContain('/link/');
    expect(await page.locator('header .tenant').innerText()).toBe('Globex');
    expect(await page.locator('header .product').innerText()).toBe('Acme Cloud');
    expect(await page.inputValue('#tenant-url-value')).toBe(`${base}/scim/v2/${tenant.id as string}`);
    expect(await page.getByRole('link', { name: 'Back to Acme Cloud' }).getAttribute('href')).toBe(
      'https://app.acme.test/settings',
    );
    // The Okta steps name the fields of Okta's screens.
    const steps = await page.locator('ol.steps').innerText();
    for (const field of ['SCIM connector base URL', 'Unique identifier field for users', 'HTTP Header']) {
      expect(steps).toContain(field);
    }
    expect(await page.locator('#status + p .badge').innerText()).toBe('Not connected');
    // 2. The admin turns SCIM provisioning on.
    expect(await page.locator('.switch strong').innerText()).toBe('off');
    await page.getByRole('button', { name: 'Turn SCIM provisioning on' }).click();
    expect(await page.locator('.notice-ok').innerText()).toContain('SCIM provisioning is turned on');
    expect(await page.locator('.switch strong').innerText()).toBe('on');
    await checkPage('2-setup');
    await page.getByRole('link', { name: 'Microsoft Entra ID' }).click();
    expect(await page.locator('ol.steps').innerText()).toContain('Secret Token');
    expect(await page.locator('.notice-warn').innerText()).toContain('Entra quarantines');

    // 2. The admin generates a token and reads it from the page.
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Tokens' }).click();
    await page.getByLabel('Description').fill('Okta production');
    await page.getByRole('button', { name: 'Generate token' }).click();
    expect(await page.locator('h1').innerText()).toBe('Your new token');
    const token = await page.inputValue('#token-value');
    expect(token).toMatch(/^rcs_[A-Za-z0-9_-]{43}$/);
    await page.getByRole('button', { name: 'Copy' }).first().click();
    expect(await page.locator('[data-copy-status="token-value"]').innerText()).toMatch(/Copied|Selected/);
    await checkPage('3-token');

    // 3. Okta runs Test API Credentials, then creates users: the third is past the seat limit.
    const idp = okta(token);
    const test = await idp.get(`${scimBase}/Users?startIndex=1&count=2`).expect(200);
    expect(test.body.totalResults).toBe(0);
    await idp.get(`${scimBase}/Groups?startIndex=1&count=100`).expect(200);
    await idp
      .post(`${scimBase}/Users`, {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: 'jane@globex.test',
        name: { givenName: 'Jane', familyName: 'Doe' },
        emails: [{ primary: true, value: 'jane@globex.test', type: 'work' }],
        active: true,
      })
      .expect(201);
    await idp
      .post(`${scimBase}/Users`, {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: 'mallory@globex.test',
        displayName: XSS,
        active: true,
      })
      .expect(201);
    const refused = await idp
      .post(`${scimBase}/Users`, {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: 'late@globex.test',
        active: true,
      })
      .expect(403);
    expect(refused.body.detail).toBe('seat limit reached: 2 of 2 seats in use');

    // 4. The activity page shows Okta's requests, the refused one with its hint.
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Activity' }).click();
    const newest = page.locator('tbody tr').first();
    expect(await newest.locator('.badge').innerText()).toBe('403');
    expect(await newest.innerText()).toContain('late@globex.test');
    expect(await newest.innerText()).toContain('ask your vendor for more seats');
    expect(
      await page.locator('tbody tr', { hasText: 'jane@globex.test' }).locator('.badge').innerText(),
    ).toBe('201');
    await page.getByRole('link', { name: 'Errors only' }).click();
    expect(await page.locator('tbody tr').count()).toBe(1);
    await checkPage('5-activity');
    await newest.locator('a').first().click();
    expect(await page.locator('h2', { hasText: 'Request body' }).count()).toBe(1);
    expect(await page.locator('pre').first().innerText()).toContain('late@globex.test');
    await checkPage('6-activity-entry');
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Setup' }).click();
    expect(await page.locator('#status + p').innerText()).toMatch(
      /^Connected — last request from Okta \d+ seconds? ago/,
    );

    // What the IdP sent shows as text: the user named like an <img> tag is a name, not an image.
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'People' }).click();
    const row = page.locator('tbody tr', { hasText: 'mallory@globex.test' });
    expect(await row.locator('td').first().locator('a').innerText()).toBe(XSS);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await row.locator('.badge').innerText()).toBe('Invited');
    await checkPage('4-people');
    await row.locator('a').first().click();
    expect(await page.locator('h1').innerText()).toBe(XSS);

    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Seats' }).click();
    expect(await page.locator('.notice-warn').innerText()).toContain('Every seat is in use');
    await page.getByLabel('Size', { exact: true }).fill('25');
    await page.getByRole('button', { name: 'Save account size' }).click();
    expect(await page.locator('.notice-ok').innerText()).toContain('The account size is saved');
    await checkPage('7-seats');

    // 5. The admin revokes the token behind a confirmation; Okta's next call gets 401.
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Tokens' }).click();
    await page.getByRole('link', { name: `Revoke token ${token.slice(0, 12)}` }).click();
    expect(await page.locator('h1').innerText()).toBe('Revoke this token?');
    await idp.get(`${scimBase}/Users?startIndex=1&count=1`).expect(200);
    await page.getByRole('button', { name: 'Revoke token' }).click();
    expect(await page.locator('.notice-ok').innerText()).toContain('is revoked');
    await idp.get(`${scimBase}/Users?startIndex=1&count=1`).expect(401);

    // 6. The link cannot be used again.
    await page.goto(link);
    expect(await page.locator('h1').innerText()).toBe('This link has been used');
    await checkPage('8-link-used');

    expect(dialogs).toEqual([]);
    expect(cspViolations).toEqual([]);
    const portalEvents = (
      await admin(t)
        .get(`/admin/tenants/${tenant.id as string}/events?limit=100`)
        .expect(200)
    ).body.items
      .map((e: { type: string }) => e.type)
      .filter((type: string) => type.startsWith('portal.'));
    expect(portalEvents).toEqual([
      'portal.signed_in',
      'portal.scim_enabled',
      'portal.token_generated',
      'portal.account_size_changed',
      'portal.token_revoked',
    ]);
  }, 90_000);

  it('works with the keyboard and on a phone', async () => {
    const tenant = (await admin(t).post('/admin/tenants', { name: 'Initech' }).expect(201)).body;
    const link = (
      await admin(t)
        .post(`/admin/tenants/${tenant.id as string}/portal-links`, {})
        .expect(201)
    ).body.url as string;
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(link);
    // Tab to the skip link, then to Continue, and press Enter.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Continue');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/portal/setup`);
    const wide = await page.evaluate(() =>
      Array.from(document.querySelectorAll('body *'))
        .filter((e) => e.getBoundingClientRect().right > 376)
        .map((e) => `${e.tagName}.${e.className}`),
    );
    expect(wide).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await checkPage('9-setup-phone');
    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(await page.locator('h1').innerText()).toBe('You are signed out');
    await page.goto(`${base}/portal/setup`);
    expect(await page.locator('h1').innerText()).toBe('Your session has ended');
    await page.setViewportSize({ width: 1100, height: 900 });
  }, 60_000);
});
