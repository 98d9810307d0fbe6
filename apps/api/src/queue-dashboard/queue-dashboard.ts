import { Injectable } from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { DashboardAccess } from './dashboard-access';
import { MonitoredQueues } from './monitored-queues';

/** Outside the /api prefix: it is a page for people, not part of the documented API. */
export const QUEUE_DASHBOARD_PATH = '/admin/queues';

const unavailable = (res: Response, message: string): void => {
  res.status(503).json({ code: 'QUEUES_UNAVAILABLE', message, details: null });
};

const notConfigured = (_req: Request, res: Response): void =>
  unavailable(
    res,
    '未配置 Redis（REDIS_URL），任务队列不可用：请设置 REDIS_URL 并启动 worker 后再打开此页面。',
  );

/** bull-board over the worker's queues, behind administrator login. */
@Injectable()
export class QueueDashboard {
  constructor(
    private readonly queues: MonitoredQueues,
    private readonly access: DashboardAccess,
  ) {}

  /** The Express handlers to mount at QUEUE_DASHBOARD_PATH. */
  handlers(): RequestHandler[] {
    if (!this.queues.configured) return [notConfigured];
    const board = new ExpressAdapter();
    board.setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({
      queues: this.queues.queues.map((q) => new BullMQAdapter(q)),
      serverAdapter: board,
      options: { uiConfig: { boardTitle: '整改提醒任务队列' } },
    });
    return [this.access.middleware, this.redisReachable, board.getRouter() as RequestHandler];
  }

  /** The board's data calls would wait for Redis indefinitely: answer at once that it is down. */
  private readonly redisReachable = (req: Request, res: Response, next: NextFunction): void => {
    if (!req.path.startsWith('/api/')) return next();
    this.queues.ready().then(
      () => next(),
      () => unavailable(res, 'Redis 无法访问，任务队列暂时无法查看：请检查 Redis 服务后刷新页面。'),
    );
  };
}
