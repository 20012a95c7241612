import { Logger } from '@nestjs/common';
import { loggableError } from '../common/loggable-error';
import { isConnectionFault } from './database-faults';

/**
 * Whether this process reaches its database, as its own queries find: the first connection failure
 * after a success is logged as a loss, the first success after a failure as the recovery, with how
 * long it lasted. Errors of the statements themselves (a constraint, a timeout) say nothing of it.
 */
export class DatabaseConnectivity {
  private readonly logger = new Logger('Database');
  private lostAt: number | null = null;

  failed(error: unknown): void {
    if (this.lostAt !== null || !isConnectionFault(error)) return;
    this.lostAt = Date.now();
    const err = loggableError(error);
    this.logger.error(
      { err },
      `database connection lost: ${err.message}; requests answer 503 until it is back`,
    );
  }

  succeeded(): void {
    if (this.lostAt === null) return;
    const seconds = (Date.now() - this.lostAt) / 1000;
    this.lostAt = null;
    this.logger.log(`database connection recovered after ${seconds.toFixed(1)} s`);
  }

  /** When the loss began (epoch ms), or null while the database answers. */
  get lostSince(): number | null {
    return this.lostAt;
  }
}
