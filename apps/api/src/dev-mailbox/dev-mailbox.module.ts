import { Module } from '@nestjs/common';
import { DevMailboxController } from './dev-mailbox.controller';
import { DevMailboxRepository } from './dev-mailbox.repository';

@Module({ controllers: [DevMailboxController], providers: [DevMailboxRepository] })
export class DevMailboxModule {}
