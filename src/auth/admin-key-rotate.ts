import { AdminKey } from './admin-key';
import { ConfigError, loadAppConfig } from '../config/app-config';

/**
 * `npm run admin-key:rotate` (in an image: `node dist/auth/admin-key-rotate.js`): makes a new admin API
 * key, keeps its hash in DATA_DIR and prints the key once on stderr. Running servers take the new key
 * within seconds; the old one stops working then.
 */
function main(): void {
  const config = loadAppConfig();
  if (config.adminApiKey) {
    throw new ConfigError('ADMIN_API_KEY is set: the admin key comes from it; change that variable instead');
  }
  const key = AdminKey.rotate(config);
  process.stderr.write(
    `New admin API key (shown once; only its hash is kept in ${config.dataDir}):\n  ${key}\n` +
      `  export ADMIN_KEY=${key}\n`,
  );
}

try {
  main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
