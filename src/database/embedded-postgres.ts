import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { DataDirLock } from './data-dir-lock';
import { ensurePrivateDir, restrictTree } from './private-files';

/** How to reach a running embedded database with the `pg` driver. */
export interface EmbeddedConnection {
  /** The directory holding the Unix socket (`pg` takes it as `host`). */
  host: string;
  port: number;
  username: string;
  database: string;
}

/**
 * A real PostgreSQL (PGlite, PostgreSQL compiled to WebAssembly) served on a private Unix socket, so the
 * application reaches it through the same `pg` driver and SQL as a PostgreSQL server. PGlite runs one
 * session: callers must use a single connection (pool size 1).
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    private readonly socketDir: string,
    private readonly dataDir: string | null,
    private readonly lock: DataDirLock | null,
  ) {}

  /**
   * Opens (or creates) the database in `dataDir`, owner-only, holding `lock` (DATA_DIR's) until it
   * stops; null keeps it in memory, for tests.
   */
  static async start(dataDir: string | null, lock: DataDirLock | null = null): Promise<EmbeddedPostgres> {
    const { PGlite } = await import('@electric-sql/pglite');
    const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
    if (dataDir) {
      // Folders PGlite creates follow the umask; its files it makes 0666 (swept by restrictTree).
      process.umask(0o077);
      ensurePrivateDir(dataDir);
    }
    const db = await PGlite.create(dataDir ? { dataDir } : {});
    if (dataDir) restrictTree(dataDir);
    // A socket in a fresh 0700 directory: only this user can connect, and no TCP port is opened.
    const socketDir = mkdtempSync(join(tmpdir(), 'rollcall-pg-'));
    const server = new PGLiteSocketServer({ db, path: join(socketDir, '.s.PGSQL.5432'), maxConnections: 4 });
    await server.start();
    return new EmbeddedPostgres(db, server, socketDir, dataDir, lock);
  }

  get connection(): EmbeddedConnection {
    return { host: this.socketDir, port: 5432, username: 'postgres', database: 'postgres' };
  }

  /** A `postgres://` URL for clients that take one (tests, the migration CLI). */
  get url(): string {
    return `postgres://postgres@localhost:5432/postgres?host=${encodeURIComponent(this.socketDir)}`;
  }

  async stop(): Promise<void> {
    try {
      await this.server.stop();
      await this.db.close();
      rmSync(this.socketDir, { recursive: true, force: true });
      if (this.dataDir) restrictTree(this.dataDir);
    } finally {
      this.lock?.release();
    }
  }
}
