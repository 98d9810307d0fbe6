import { Module } from '@nestjs/common';
import { REMINDER_QUERY_PROVIDERS } from './reminder-queries.providers';
import { RemindersController } from './reminders.controller';

@Module({ controllers: [RemindersController], providers: [...REMINDER_QUERY_PROVIDERS] })
export class RemindersModule {}
