import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium } from 'playwright-core';

/**
 * Debian's Chromium (`apt-get install chromium`), driven by playwright-core: Playwright's own browser
 * download cannot work on these machines. CHROMIUM_PATH points elsewhere if needed.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Set by .ci/run: there, a missing browser is a failure rather than a skip. */
const REQUIRED = process.env.ROLLCALL_REQUIRE_BROWSER === 'true';

const available = existsSync(CHROMIUM_PATH);
if (!available && REQUIRED) {
  throw new Error(`ROLLCALL_REQUIRE_BROWSER is set but there is no Chromium at ${CHROMIUM_PATH}`);
}

let toldSkip = false;

/** `describe` when Chromium is installed; otherwise the tests are skipped with one line saying why. */
export function describeInBrowser(name: string, body: () => void): void {
  if (available) return describe(name, body);
  if (!toldSkip) {
    process.stderr.write(
      `Skipping browser tests: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)\n`,
    );
    toldSkip = true;
  }
  describe.skip(name, body);
}

export interface BrowserSession {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * A headless Chromium with a fresh profile. `hosts` maps host names to 127.0.0.1, so a page is
 * loaded as a user on another machine would load it (not as `localhost`, which browsers trust).
 */
export async function openBrowser(hosts: string[] = []): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'rollcall-chromium-'));
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  if (hosts.length > 0) {
    args.push(`--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1`).join(', ')}`);
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args,
    timeout: 30_000,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
