import { Module } from '@nestjs/common';
import { EvidenceController } from './evidence.controller';
import { ITEM_COMMAND_PROVIDERS } from './item-commands.providers';
import { ITEM_QUERY_PROVIDERS } from './item-queries.providers';
import { ItemsController } from './items.controller';
import { ItemsExportController } from './items-export.controller';

@Module({
  // The export first: its `items/export` must be matched before `items/:id`.
  controllers: [ItemsExportController, ItemsController, EvidenceController],
  providers: [...ITEM_QUERY_PROVIDERS, ...ITEM_COMMAND_PROVIDERS],
})
export class ItemsModule {}
