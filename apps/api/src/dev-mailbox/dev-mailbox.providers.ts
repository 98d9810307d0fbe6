import { type Provider } from '@nestjs/common';
import { ListMailboxMessagesUseCase, ReadMailboxMessageUseCase } from '@rectify/application';
import { PgDevMailboxRepository } from '@rectify/persistence';

/** The development mailbox's reads, over the repository the DatabaseModule provides. */
export const DEV_MAILBOX_PROVIDERS: Provider[] = [ListMailboxMessagesUseCase, ReadMailboxMessageUseCase].map(
  (UseCase) => ({
    provide: UseCase,
    inject: [PgDevMailboxRepository],
    useFactory: (mailbox: PgDevMailboxRepository) => new UseCase(mailbox),
  }),
);
