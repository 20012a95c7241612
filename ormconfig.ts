import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadAppConfig } from './src/config/app-config';
import { resolveDatabase } from './src/database/data-source-options';

/**
 * The DataSource of the TypeORM CLI (`npm run migration:revert`);
 * `npm run migration:run` is src/database/migrate.ts, which the production image has too.
 * It reads the same environment as the app: DATABASE_URL, or the embedded database in DATA_DIR.
 */
async function createDataSource(): Promise<DataSource> {
  const target = await resolveDatabase(loadAppConfig());
  const dataSource = new DataSource(target.options);
  const destroy = dataSource.destroy.bind(dataSource);
  dataSource.destroy = async () => {
    await destroy();
    await target.embedded?.stop();
  };
  return dataSource;
}

export default createDataSource();
