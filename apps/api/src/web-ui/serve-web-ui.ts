import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type INestApplication } from '@nestjs/common';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';

/** Paths that belong to the server, never to the single-page app. */
const SERVER_PATHS = /^\/(api|admin)(\/|$)/;

/**
 * Serves the built web UI under `/`: its hashed assets as files, every other page path as
 * index.html so the app's own router handles it. Nothing happens when the UI is not built.
 * The assets go compressed (brotli or gzip, as the browser accepts: the `compression`
 * middleware): the app's script is 1.7 MB as built and about a third of that compressed, which a
 * secretary on a phone's mobile data downloads once a release (assets are cached for good).
 * API answers are left as they are.
 */
export function serveWebUi(app: INestApplication, dir: string): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  // Asset names carry their content hash, so they may be cached for long.
  app.use(
    '/assets',
    compression(),
    express.static(join(dir, 'assets'), { immutable: true, maxAge: '365d' }),
    (_req: Request, res: Response) => res.status(404).end(),
  );
  app.use(express.static(dir, { index: false }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || SERVER_PATHS.test(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
