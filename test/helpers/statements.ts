import { Client } from 'pg';

/** Every SQL statement sent through `pg` while `work` runs (the apps and the tests share the driver). */
export async function statementsDuring(work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the spied client as `this`
  const original = Client.prototype.query as (...args: unknown[]) => unknown;
  const spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (
    this: Client,
    ...args: unknown[]
  ) {
    const config = args[0];
    seen.push(typeof config === 'string' ? config : String((config as { text?: string } | null)?.text ?? ''));
    return original.apply(this, args);
  });
  try {
    await work();
  } finally {
    spy.mockRestore();
  }
  return seen;
}
