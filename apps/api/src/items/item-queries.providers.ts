import { type Provider } from '@nestjs/common';
import { GetItemUseCase, ListItemEventsUseCase, SearchItemsUseCase } from '@rectify/application';
import { REPOSITORIES, type Repositories } from '@rectify/persistence';

/** The item reads (search, detail, allowed events), each over the viewers and item-query repositories. */
export const ITEM_QUERY_PROVIDERS: Provider[] = [
  SearchItemsUseCase,
  GetItemUseCase,
  ListItemEventsUseCase,
].map((UseCase) => ({
  provide: UseCase,
  inject: [REPOSITORIES],
  useFactory: (r: Repositories) => new UseCase(r.viewers, r.itemQueries),
}));
