import { Module } from '@nestjs/common';
import { NotificationCentreController } from './notification-centre.controller';
import { NOTIFICATION_CENTRE_PROVIDERS } from './notification-centre.providers';

@Module({ controllers: [NotificationCentreController], providers: NOTIFICATION_CENTRE_PROVIDERS })
export class NotificationCentreModule {}
