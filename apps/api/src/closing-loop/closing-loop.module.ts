import { Module } from '@nestjs/common';
import { ClosingLoopController } from './closing-loop.controller';
import { ReconciliationController } from './reconciliation.controller';

@Module({ controllers: [ClosingLoopController, ReconciliationController] })
export class ClosingLoopModule {}
