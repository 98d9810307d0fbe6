import { Module } from '@nestjs/common';
import { DevMailboxController } from './dev-mailbox.controller';
import { DEV_MAILBOX_PROVIDERS } from './dev-mailbox.providers';

@Module({ controllers: [DevMailboxController], providers: [...DEV_MAILBOX_PROVIDERS] })
export class DevMailboxModule {}
