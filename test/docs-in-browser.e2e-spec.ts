/// <reference lib="dom" />
import { describeInBrowser, openBrowser } from './helpers/browser';
import { freePort } from './helpers/spawned-server';
import { createTestApp, TestApp } from './helpers/test-app';

/** Swagger UI, as a person on another machine opens it over plain HTTP. */
describeInBrowser('API docs in a browser', () => {
  const host = 'rollcall.internal';
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    t = await createTestApp({ env: { PUBLIC_URL: `http://${host}:${port}` } });
    await t.app.listen(port, '127.0.0.1');
  });
  afterAll(() => t.close());

  it('sends neither HSTS nor upgrade-insecure-requests when PUBLIC_URL is http', async () => {
    const res = await t.http.get('/docs/').expect(200);
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });

  it('renders Swagger UI at /docs through a host name that is not localhost', async () => {
    const browser = await openBrowser([host]);
    try {
      const page = await browser.context.newPage();
      const failed: string[] = [];
      page.on('requestfailed', (r) => failed.push(r.url()));
      await page.goto(`http://${host}:${port}/docs`);
      const title = page.locator('.swagger-ui .info .title');
      await title.waitFor({ timeout: 15_000 });
      expect(await title.innerText()).toContain('Rollcall');
      // Swagger UI's stylesheet loaded: it sets the title's size and lays out every operation.
      expect(await title.evaluate((e) => getComputedStyle(e).fontSize)).toBe('36px');
      expect(await page.locator('.opblock').count()).toBeGreaterThan(20);
      expect(failed).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe('Security headers when PUBLIC_URL is https', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(); // the test environment's PUBLIC_URL is https://rollcall.test
  });
  afterAll(() => t.close());

  it('sends HSTS and upgrade-insecure-requests', async () => {
    const res = await t.http.get('/docs/').expect(200);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });
});
