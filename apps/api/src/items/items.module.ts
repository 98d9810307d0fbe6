import { Module } from '@nestjs/common';
import { EvidenceController } from './evidence.controller';
import { ITEM_COMMAND_PROVIDERS } from './item-commands.providers';
import { ITEM_QUERY_PROVIDERS } from './item-queries.providers';
import { ItemsController } from './items.controller';

@Module({
  controllers: [ItemsController, EvidenceController],
  providers: [...ITEM_QUERY_PROVIDERS, ...ITEM_COMMAND_PROVIDERS],
})
export class ItemsModule {}
