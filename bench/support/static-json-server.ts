import { createServer } from 'node:http';

/**
 * The ceiling of `bench:api`: a bare node:http server answering every request with one fixed JSON
 * body (BODY_BYTES long, default 2,000, about an item's detail). Env: PORT, BODY_BYTES.
 * Prints "listening on <port>".
 */
const size = Number(process.env.BODY_BYTES ?? 2000);
const body = Buffer.from(JSON.stringify({ padding: 'x'.repeat(Math.max(0, size - 14)) }));
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(body);
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening on ${typeof address === 'object' && address ? address.port : ''}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
