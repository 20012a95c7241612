import { Client } from 'pg';

/** A statement as sent through `pg`: its text and bind values. */
export interface SentStatement {
  text: string;
  values: unknown[];
}

/** Calls `seen` with each statement sent through `pg` while `work` runs, and the client sending it. */
async function watchQueries(
  seen: (client: Client, statement: SentStatement) => void,
  work: () => Promise<unknown>,
): Promise<void> {
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
    seen(this, { text, values });
    return original.apply(this, args);
  });
  try {
    await work();
  } finally {
    spy.mockRestore();
  }
}

/** Every SQL statement, with its values, sent through `pg` while `work` runs (apps and tests share the driver). */
export async function queriesDuring(work: () => Promise<unknown>): Promise<SentStatement[]> {
  const sent: SentStatement[] = [];
  await watchQueries((_, statement) => sent.push(statement), work);
  return sent;
}

/** Every SQL statement sent through `pg` while `work` runs. */
export async function statementsDuring(work: () => Promise<unknown>): Promise<string[]> {
  return (await queriesDuring(work)).map((s) => s.text);
}

interface Connection {
  on(event: 'readyForQuery', listener: () => void): void;
  off(event: 'readyForQuery', listener: () => void): void;
}

/**
 * The round trips of the statements sent through `pg` while `work` runs, each as the texts it carried:
 * a statement sent on a connection in pipeline mode while another there awaits its answer travels
 * with it; any other starts a round trip of its own (one ReadyForQuery answers each query).
 */
export async function roundTripsDuring(work: () => Promise<unknown>): Promise<string[][]> {
  const trips: string[][] = [];
  const connections = new Map<Client, { unanswered: number; trip: string[]; answered: () => void }>();
  try {
    await watchQueries((client, { text }) => {
      let state = connections.get(client);
      if (!state) {
        const created = { unanswered: 0, trip: [] as string[], answered: () => undefined };
        created.answered = () => {
          created.unanswered = Math.max(0, created.unanswered - 1);
        };
        (client as unknown as { connection: Connection }).connection.on('readyForQuery', created.answered);
        connections.set(client, (state = created));
      }
      const pipelined = (client as unknown as { pipeline: boolean }).pipeline;
      if (state.unanswered === 0 || !pipelined) trips.push((state.trip = []));
      state.trip.push(text);
      state.unanswered += 1;
    }, work);
  } finally {
    for (const [client, state] of connections) {
      (client as unknown as { connection: Connection }).connection.off('readyForQuery', state.answered);
    }
  }
  return trips;
}
