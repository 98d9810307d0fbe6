import { Module } from '@nestjs/common';
import { EvidenceFileStore } from '@rectify/persistence';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { EVIDENCE_STORE, EvidenceController } from './evidence.controller';
import { ItemsController } from './items.controller';

@Module({
  controllers: [ItemsController, EvidenceController],
  providers: [
    {
      provide: EVIDENCE_STORE,
      inject: [API_CONFIG],
      useFactory: (c: ApiConfig) => new EvidenceFileStore(c.EVIDENCE_DIR),
    },
  ],
})
export class ItemsModule {}
