/** TypeORM answers an UPDATE … RETURNING on PostgreSQL with [rows, rowCount]; a SELECT with rows. */
export function returnedRows<T>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}

/** The `id` column of the rows a statement returned. */
export function idsOf(result: unknown): string[] {
  return returnedRows<{ id: string }>(result).map((r) => r.id);
}
