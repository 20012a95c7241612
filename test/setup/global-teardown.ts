export default async function globalTeardown(): Promise<void> {
  await globalThis.__ROLLCALL_EMBEDDED__?.stop();
}
