import { type Provider } from '@nestjs/common';
import {
  AuditFailedRemindersUseCase,
  type Mailer,
  NotifyDeadlineTiersUseCase,
  QueueDigestRoundUseCase,
  RecordDueRemindersUseCase,
  RecordReminderFailureUseCase,
  RelayOutboxUseCase,
  ReminderLedgerFiguresUseCase,
  type ReminderSettings,
  SendDigestUseCase,
  SweepRemindersUseCase,
} from '@rectify/application';
import {
  PgOutboxRepository,
  PgReminderLedgerRepository,
  PgReminderSubjectsRepository,
} from '@rectify/persistence';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker-config';
import { MAILER } from '../mail/mail.providers';
import { BullReminderQueues } from '../queues/bullmq-reminder-queues';
import { REMINDER_SETTINGS } from './reminder-settings.provider';

/** Outbox rows the relay claims per round. */
const OUTBOX_BATCH_SIZE = 1000;

const LEDGER = PgReminderLedgerRepository;
const SUBJECTS = PgReminderSubjectsRepository;
const OUTBOX = PgOutboxRepository;

/**
 * The reminder use cases of the worker, over the repositories the DatabaseModule provides, the
 * BullMQ queues, the mailer and the reminder settings.
 */
export const reminderUseCaseProviders: Provider[] = [
  {
    provide: RecordDueRemindersUseCase,
    inject: [LEDGER, SUBJECTS, BullReminderQueues, REMINDER_SETTINGS, NotifyDeadlineTiersUseCase],
    useFactory: (
      ledger: PgReminderLedgerRepository,
      subjects: PgReminderSubjectsRepository,
      queues: BullReminderQueues,
      settings: ReminderSettings,
      tiers: NotifyDeadlineTiersUseCase,
    ) => new RecordDueRemindersUseCase(ledger, subjects, queues, settings, tiers),
  },
  {
    provide: RecordReminderFailureUseCase,
    inject: [LEDGER, SUBJECTS],
    useFactory: (ledger: PgReminderLedgerRepository, subjects: PgReminderSubjectsRepository) =>
      new RecordReminderFailureUseCase(ledger, subjects),
  },
  {
    provide: SendDigestUseCase,
    inject: [LEDGER, SUBJECTS, MAILER, REMINDER_SETTINGS],
    useFactory: (
      ledger: PgReminderLedgerRepository,
      subjects: PgReminderSubjectsRepository,
      mailer: Mailer,
      settings: ReminderSettings,
    ) => new SendDigestUseCase(ledger, subjects, mailer, settings),
  },
  {
    provide: QueueDigestRoundUseCase,
    inject: [LEDGER, BullReminderQueues, REMINDER_SETTINGS],
    useFactory: (
      ledger: PgReminderLedgerRepository,
      queues: BullReminderQueues,
      settings: ReminderSettings,
    ) => new QueueDigestRoundUseCase(ledger, queues, settings),
  },
  {
    provide: SweepRemindersUseCase,
    inject: [LEDGER, OUTBOX, SUBJECTS, BullReminderQueues, REMINDER_SETTINGS],
    useFactory: (
      ledger: PgReminderLedgerRepository,
      outbox: PgOutboxRepository,
      subjects: PgReminderSubjectsRepository,
      queues: BullReminderQueues,
      settings: ReminderSettings,
    ) => new SweepRemindersUseCase(ledger, outbox, subjects, queues, settings),
  },
  {
    provide: RelayOutboxUseCase,
    inject: [OUTBOX, SUBJECTS, BullReminderQueues, REMINDER_SETTINGS, WORKER_CONFIG],
    useFactory: (
      outbox: PgOutboxRepository,
      subjects: PgReminderSubjectsRepository,
      queues: BullReminderQueues,
      settings: ReminderSettings,
      config: WorkerConfig,
    ) =>
      new RelayOutboxUseCase(outbox, subjects, queues, settings, {
        batchSize: OUTBOX_BATCH_SIZE,
        leaseMs: config.OUTBOX_LEASE_MS,
        maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
        retryBaseMs: config.OUTBOX_RETRY_BASE_MS,
        retryMaxMs: config.OUTBOX_RETRY_MAX_MS,
      }),
  },
  {
    provide: AuditFailedRemindersUseCase,
    inject: [LEDGER, SUBJECTS, REMINDER_SETTINGS],
    useFactory: (
      ledger: PgReminderLedgerRepository,
      subjects: PgReminderSubjectsRepository,
      settings: ReminderSettings,
    ) => new AuditFailedRemindersUseCase(ledger, subjects, settings),
  },
  {
    provide: ReminderLedgerFiguresUseCase,
    inject: [LEDGER, OUTBOX],
    useFactory: (ledger: PgReminderLedgerRepository, outbox: PgOutboxRepository) =>
      new ReminderLedgerFiguresUseCase(ledger, outbox),
  },
];
