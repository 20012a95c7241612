import { once } from 'node:events';
import { createConnection, createServer, Server, Socket } from 'node:net';

/**
 * A TCP relay in front of the test database, on 127.0.0.1 at a port the OS picks, that a test can
 * cut (every connection reset, new ones closed at once) and restore: the database "briefly
 * unavailable", as a network fault or a failover looks to the app.
 */
export class DatabaseProxy {
  private readonly sockets = new Set<Socket>();
  private down = false;
  /** Text whose arrival from the app resets that connection instead of relaying it (once). */
  private trap: string | null = null;

  private constructor(
    private readonly server: Server,
    private readonly target: string,
  ) {}

  /** A relay to the database of `databaseUrl` (a server, or the embedded one's Unix socket). */
  static async start(databaseUrl: string): Promise<DatabaseProxy> {
    const url = new URL(databaseUrl);
    const socketDir = url.searchParams.get('host');
    const connect = () =>
      socketDir
        ? createConnection({ path: `${socketDir}/.s.PGSQL.${url.port || 5432}` })
        : createConnection({ host: url.hostname, port: Number(url.port || 5432) });
    let proxy: DatabaseProxy | null = null;
    const server = createServer((client) => {
      if (!proxy || proxy.down) {
        client.destroy();
        return;
      }
      const upstream = connect();
      proxy.track(client);
      proxy.track(upstream);
      upstream.pipe(client);
      client.on('data', (chunk: Buffer) => {
        const trap = proxy?.trap;
        if (trap !== null && trap !== undefined && chunk.includes(trap)) {
          // The connection dies as these bytes arrive: none of them reaches the database.
          (proxy as DatabaseProxy).trap = null;
          client.resetAndDestroy();
          upstream.destroy();
          return;
        }
        upstream.write(chunk);
      });
      client.on('end', () => upstream.end());
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    proxy = new DatabaseProxy(server, databaseUrl);
    return proxy;
  }

  /** The DATABASE_URL that goes through the relay. */
  get url(): string {
    const url = new URL(this.target);
    url.hostname = '127.0.0.1';
    url.port = String((this.server.address() as { port: number }).port);
    url.searchParams.delete('host');
    return url.toString();
  }

  cut(): void {
    this.down = true;
    for (const socket of this.sockets) socket.destroy();
  }

  /**
   * The next time the app sends bytes containing `text`, its connection is reset before they reach
   * the database (a connection that turns out dead, as a failover or a restart leaves it).
   */
  dropWhenSent(text: string): void {
    this.trap = text;
  }

  restore(): void {
    this.down = false;
  }

  async stop(): Promise<void> {
    this.cut();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
  }
}
