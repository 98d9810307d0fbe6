import { Queue } from 'bullmq';
import { type QueueName } from './queue-names';
import { bullProducerConnection } from './redis-options';

/** Where the queues live: REDIS_URL, and the key prefix that keeps one deployment's apart. */
export interface QueueLocation {
  redisUrl: string;
  prefix: string;
}

/**
 * A queue to add jobs to, read and manage (the worker's producer side, the API's dashboard):
 * bounded commands (see bullProducerConnection). It processes nothing; the caller listens to
 * its 'error' event and closes it.
 */
export function producerQueue(name: QueueName, { redisUrl, prefix }: QueueLocation): Queue {
  return new Queue(name, { connection: bullProducerConnection(redisUrl), prefix });
}
