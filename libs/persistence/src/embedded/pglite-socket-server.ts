import { createServer, type Server, type Socket } from 'node:net';
import { type PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler } from '@electric-sql/pglite-socket';
import { PGliteSessionQueue } from './pglite-session-queue';

/**
 * Serves one PGlite instance over the PostgreSQL protocol on a Unix socket, to this process's
 * own pool and to other local processes (the command-line tool beside `npm start`).
 *
 * `@electric-sql/pglite-socket` frames the messages of each connection (`PGLiteSocketHandler`);
 * the order in which connections take turns is ours (`PGliteSessionQueue`), because the
 * library's own server interleaves requests (see there).
 */
export class PGliteSocketServer {
  private server: Server | null = null;
  private readonly handlers = new Set<PGLiteSocketHandler>();
  private readonly queue: PGliteSessionQueue;

  /**
   * @param socketPath the socket file, e.g. `/tmp/rectify-pg-x/.s.PGSQL.5432`
   * @param maxConnections connections beyond it are closed at once
   */
  constructor(
    db: PGlite,
    private readonly socketPath: string,
    private readonly maxConnections: number,
  ) {
    this.queue = new PGliteSessionQueue(db);
  }

  async start(): Promise<void> {
    const server = createServer((socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.socketPath, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
  }

  /** Closes every connection (rolling back what they left open) and stops listening. */
  async stop(): Promise<void> {
    await Promise.all([...this.handlers].map((h) => h.detach(true)));
    this.handlers.clear();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    if (this.handlers.size >= this.maxConnections) {
      socket.end();
      return;
    }
    const handler = new PGLiteSocketHandler({
      // Same four methods as the library's queue, whose class it does not export.
      queryQueue: this.queue as unknown as ConstructorParameters<typeof PGLiteSocketHandler>[0]['queryQueue'],
      closeOnDetach: true,
    });
    this.handlers.add(handler);
    const forget = () => this.handlers.delete(handler);
    handler.addEventListener('close', forget);
    handler.addEventListener('error', forget);
    void handler.attach(socket);
  }
}
