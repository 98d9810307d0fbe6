import { type Provider } from '@nestjs/common';
import {
  ExportItemsUseCase,
  GetItemUseCase,
  ListItemEventsUseCase,
  SearchItemsUseCase,
} from '@rectify/application';
import { REPOSITORIES, type Repositories } from '@rectify/persistence';

/** The item reads (search, export, detail, allowed events), each over the viewers and item-query repositories. */
export const ITEM_QUERY_PROVIDERS: Provider[] = [
  SearchItemsUseCase,
  ExportItemsUseCase,
  GetItemUseCase,
  ListItemEventsUseCase,
].map((UseCase) => ({
  provide: UseCase,
  inject: [REPOSITORIES],
  useFactory: (r: Repositories) => new UseCase(r.viewers, r.itemQueries),
}));
