/** Polls `check` every 20 ms; the milliseconds it took to hold, or null once `limitMs` passed. */
export async function waitFor(limitMs: number, check: () => Promise<boolean>): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if (await check()) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 20));
  }
  return null;
}
