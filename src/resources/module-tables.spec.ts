import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The tables each module owns (see the users-groups and seats migrations). */
const OWNED: Record<string, string[]> = {
  users: ['scim_user'],
  groups: ['scim_group', 'group_user_member', 'group_group_member', 'group_member'],
  seats: ['seat', 'seat_history', 'seat_count'],
};

/** Another module's table a module's definition declares it reads: the User's read joins its seat. */
const DECLARED_READS: Record<string, string[]> = { users: ['seat'] };

function sources(folder: string): Array<{ file: string; text: string }> {
  const dir = join(__dirname, '..', folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.endsWith('.entity.ts'))
    .map((f) => ({ file: `${folder}/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
}

/**
 * No module names another's tables: what Users shows of Groups' rows (`groups`) is a relation the
 * Groups folder declares, and Groups and Seats read Users' table only through the registered
 * definitions.
 */
describe('module tables', () => {
  for (const [folder, own] of Object.entries(OWNED)) {
    const others = Object.entries(OWNED)
      .filter(([name]) => name !== folder)
      .flatMap(([, tables]) => tables)
      .filter((table) => !(DECLARED_READS[folder] ?? []).includes(table));
    it(`src/${folder} names none of the tables of another module`, () => {
      const found = sources(folder).flatMap(({ file, text }) =>
        others.filter((table) => new RegExp(`\\b${table}\\b`).test(text)).map((table) => `${file}: ${table}`),
      );
      expect(found).toEqual([]);
      expect(own.length).toBeGreaterThan(0);
    });
  }
});
