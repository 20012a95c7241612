import { Client } from 'pg';

/** A statement as sent through `pg`: its text and bind values. */
export interface SentStatement {
  text: string;
  values: unknown[];
}

/** Every SQL statement, with its values, sent through `pg` while `work` runs (apps and tests share the driver). */
export async function queriesDuring(work: () => Promise<unknown>): Promise<SentStatement[]> {
  const seen: SentStatement[] = [];
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the spied client as `this`
  const original = Client.prototype.query as (...args: unknown[]) => unknown;
  const spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (
    this: Client,
    ...args: unknown[]
  ) {
    const config = args[0] as string | { text?: string; values?: unknown[] } | null;
    const text = typeof config === 'string' ? config : String(config?.text ?? '');
    const values = Array.isArray(args[1])
      ? args[1]
      : typeof config === 'object'
        ? (config?.values ?? [])
        : [];
    seen.push({ text, values });
    return original.apply(this, args);
  });
  try {
    await work();
  } finally {
    spy.mockRestore();
  }
  return seen;
}

/** Every SQL statement sent through `pg` while `work` runs. */
export async function statementsDuring(work: () => Promise<unknown>): Promise<string[]> {
  return (await queriesDuring(work)).map((s) => s.text);
}
