/** The limits a request can hit on its way to the database, each with the setting that sets it. */
export type DatabaseLimit =
  | 'statement timeout'
  | 'no answer from the database'
  | 'connection acquire timeout'
  | 'request deadline'
  | 'tenant concurrency';

const SETTINGS: Record<DatabaseLimit, string> = {
  'statement timeout': 'DATABASE_STATEMENT_TIMEOUT_MS',
  'no answer from the database': 'DATABASE_STATEMENT_TIMEOUT_MS',
  'connection acquire timeout': 'DATABASE_ACQUIRE_TIMEOUT_MS',
  'request deadline': 'REQUEST_TIMEOUT_MS',
  'tenant concurrency': 'TENANT_MAX_CONCURRENCY',
};

/** A limit was hit: the request answers 503 with Retry-After, and the log names the limit. */
export class DatabaseLimitError extends Error {
  readonly setting: string;

  /**
   * @param connectionKept the server cut the statement and the connection is fine (otherwise the
   *   connection was dropped, or never reached)
   */
  constructor(
    readonly limit: DatabaseLimit,
    detail: string,
    readonly connectionKept = false,
  ) {
    super(`${limit} hit (${SETTINGS[limit]}): ${detail}`);
    this.name = 'DatabaseLimitError';
    this.setting = SETTINGS[limit];
  }
}
