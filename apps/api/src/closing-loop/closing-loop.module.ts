import { Module } from '@nestjs/common';
import { CLOSING_LOOP_PROVIDERS } from './closing-loop.providers';
import { ClosingLoopController } from './closing-loop.controller';
import { ReconciliationController } from './reconciliation.controller';

@Module({ controllers: [ClosingLoopController, ReconciliationController], providers: CLOSING_LOOP_PROVIDERS })
export class ClosingLoopModule {}
