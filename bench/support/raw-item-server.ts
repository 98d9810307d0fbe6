import { createServer } from 'node:http';
import { Pool } from 'pg';

/**
 * The baseline of `bench:api`'s item read: a bare node:http server with the raw `pg` driver
 * (a Pool of DB_POOL_SIZE connections, default 20 as the product's) answering
 * GET /api/items/:id with the item's primary-key query (the product's detail SELECT without the
 * scope condition) and its history lines, as JSON with the product's top-level keys. No
 * framework, no token check, no access rule. Env: DATABASE_URL, PORT. Prints "listening on <port>".
 */
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DB_POOL_SIZE ?? 20),
});
const ITEM = `SELECT i.id, i.organisation_id AS "organisationId", o.name AS "organisationName",
       i.report_id AS "reportId", i.year AS "reportYear", i.created_by AS "createdBy", i.seq, i.title, i.detail,
       i.source, i.status, to_char(i.deadline, 'YYYY-MM-DD') AS deadline, i.review_interval_days AS "reviewIntervalDays",
       i.pending_extension AS "pendingExtension", i.version, i.responsible_leader AS "responsibleLeader"
  FROM rectification_item i JOIN organisation o ON o.id = i.organisation_id WHERE i.id = $1`;
const HISTORY = `SELECT h.seq, h.event, h.actor_id AS "actorId", h.actor_role AS "actorRole",
       h.from_status AS "fromStatus", h.to_status AS "toStatus", h.payload, h.at
  FROM item_history h WHERE h.item_id = $1 ORDER BY h.seq`;
const UUID = /^\/api\/items\/([0-9a-f-]{36})$/;

const server = createServer((req, res) => {
  const match = UUID.exec(req.url ?? '');
  if (!match) {
    res.writeHead(404).end();
    return;
  }
  const id = match[1];
  Promise.all([pool.query(ITEM, [id]), pool.query(HISTORY, [id])]).then(
    ([item, history]) => {
      if (item.rows.length === 0) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"code":"ITEM_NOT_FOUND"}');
        return;
      }
      const body = JSON.stringify({
        ...item.rows[0],
        withdrawn: null,
        measures: [],
        evidence: [],
        history: history.rows,
        recurrence: { repeats: [], repeatedBy: [] },
      });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(body);
    },
    (err: unknown) => {
      res.writeHead(500).end(String(err));
    },
  );
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening on ${typeof address === 'object' && address ? address.port : ''}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
