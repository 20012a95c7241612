import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';

export const OPENAPI_FILE = join(__dirname, '..', '..', 'openapi.json');
export const CLIENT_TYPES_FILE = join(__dirname, 'rollcall-api.d.ts');

/** The TypeScript types openapi-typescript generates from openapi.json (what a client is built on). */
export async function generateClientTypes(): Promise<string> {
  const document = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as Parameters<typeof openapiTS>[0];
  // A default (maxBatchSize: 1, limit: 50) is what the server assumes when a request leaves the
  // field out: the field stays optional, as the document says (openapi-typescript would require it).
  const types = astToString(await openapiTS(document, { defaultNonNullable: false }));
  // Formatted as the rest of the code is, so the checked-in file passes the format check.
  return format(types, { ...(await resolveConfig(CLIENT_TYPES_FILE)), filepath: CLIENT_TYPES_FILE });
}

// `npm run openapi` writes them beside the operator flow that the client test type-checks and runs;
// with --stdout they are printed (the test runs this in a process of its own: openapi-typescript
// needs an ES module that jest's module system cannot load).
if (require.main === module) {
  generateClientTypes()
    .then((types) =>
      process.argv.includes('--stdout')
        ? process.stdout.write(types)
        : writeFileSync(CLIENT_TYPES_FILE, types),
    )
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
}
