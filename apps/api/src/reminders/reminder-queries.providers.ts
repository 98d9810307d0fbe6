import { type Provider } from '@nestjs/common';
import {
  ReminderLedgerFiguresUseCase,
  SearchDeliveriesUseCase,
  SearchOutboxFailuresUseCase,
} from '@rectify/application';
import { PgOutboxRepository, PgReminderLedgerRepository, PgViewersRepository } from '@rectify/persistence';

/** The reminder reads of the API, over the repositories the DatabaseModule provides. */
export const REMINDER_QUERY_PROVIDERS: Provider[] = [
  {
    provide: SearchDeliveriesUseCase,
    inject: [PgReminderLedgerRepository, PgViewersRepository],
    useFactory: (ledger: PgReminderLedgerRepository, viewers: PgViewersRepository) =>
      new SearchDeliveriesUseCase(ledger, viewers),
  },
  {
    provide: SearchOutboxFailuresUseCase,
    inject: [PgOutboxRepository, PgViewersRepository],
    useFactory: (outbox: PgOutboxRepository, viewers: PgViewersRepository) =>
      new SearchOutboxFailuresUseCase(outbox, viewers),
  },
];

/** The ledger and outbox figures of the health check (provided by the HealthModule). */
export const REMINDER_FIGURES_PROVIDER: Provider = {
  provide: ReminderLedgerFiguresUseCase,
  inject: [PgReminderLedgerRepository, PgOutboxRepository],
  useFactory: (ledger: PgReminderLedgerRepository, outbox: PgOutboxRepository) =>
    new ReminderLedgerFiguresUseCase(ledger, outbox),
};
