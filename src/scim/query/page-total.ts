/**
 * A page and the `totalResults` of its query. The page is read first; the total costs a count only
 * when the page cannot tell it (a full page, or one past the end), so the lookups IdPs make most
 * (`userName eq "…"`: zero or one row) are a single statement.
 */
export async function pageWithTotal<T>(
  offset: number,
  limit: number,
  page: () => Promise<T[]>,
  count: () => Promise<number>,
): Promise<{ rows: T[]; total: number }> {
  if (limit === 0) return { rows: [], total: await count() };
  const rows = await page();
  if (rows.length > 0 && rows.length < limit) return { rows, total: offset + rows.length };
  if (rows.length === 0 && offset === 0) return { rows, total: 0 };
  return { rows, total: await count() };
}
