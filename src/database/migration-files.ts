import { readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { MigrationInterface } from 'typeorm';

type MigrationClass = new () => MigrationInterface;

/** `1763856100000-users-groups.ts`: a timestamp, a dash, a name; `.ts` under ts-node/jest, `.js` in dist. */
const MIGRATION_FILE = /^(\d{13})-[a-z0-9-]+\.(ts|js)$/;

/**
 * Every migration class in `dir`, oldest first, loaded by file name: a migration is added by adding
 * its file, with no list to edit. Files of this process's kind only (the `.ts` sources, or the
 * compiled `.js` in dist), never declaration files.
 */
export function loadMigrations(dir: string, kind = extname(__filename)): MigrationClass[] {
  const files = readdirSync(dir)
    .filter((file) => {
      const match = MIGRATION_FILE.exec(file);
      return match !== null && `.${match[2]}` === kind;
    })
    .sort();
  return files.flatMap((file) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = require(join(dir, file)) as Record<string, unknown>;
    const classes = Object.values(exported).filter(
      (value): value is MigrationClass => typeof value === 'function',
    );
    if (classes.length !== 1) throw new Error(`migration ${file} must export exactly one class`);
    return classes;
  });
}

/** Every migration in order; the app runs them on start, `npm run migration:run` (database/migrate.ts) on demand. */
export const MIGRATIONS = loadMigrations(join(__dirname, 'migrations'));
