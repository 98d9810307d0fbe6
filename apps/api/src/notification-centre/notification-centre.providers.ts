import { type Provider } from '@nestjs/common';
import {
  CountUnreadNotificationsUseCase,
  GetNotificationPreferencesUseCase,
  ListNotificationsUseCase,
  MarkNotificationsReadUseCase,
  SaveNotificationPreferencesUseCase,
} from '@rectify/application';
import { PgNotificationInboxRepository, PgNotificationPreferencesRepository } from '@rectify/persistence';

/** The 消息中心 and 通知设置 use cases over the repositories the DatabaseModule provides. */
export const NOTIFICATION_CENTRE_PROVIDERS: Provider[] = [
  ...[ListNotificationsUseCase, CountUnreadNotificationsUseCase, MarkNotificationsReadUseCase].map(
    (UseCase): Provider => ({
      provide: UseCase,
      inject: [PgNotificationInboxRepository],
      useFactory: (inbox: PgNotificationInboxRepository) => new UseCase(inbox),
    }),
  ),
  ...[GetNotificationPreferencesUseCase, SaveNotificationPreferencesUseCase].map((UseCase): Provider => ({
    provide: UseCase,
    inject: [PgNotificationPreferencesRepository],
    useFactory: (preferences: PgNotificationPreferencesRepository) => new UseCase(preferences),
  })),
];
