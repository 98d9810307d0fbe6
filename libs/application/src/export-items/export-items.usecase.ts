import {
  type ItemQueriesRepository,
  type ItemSearchCriteria,
  type ViewersRepository,
} from '@rectify/persistence';
import { ApplicationError } from '../errors/application-error';
import { type ItemListEntry, SearchItemsUseCase } from '../search-items/search-items.usecase';

/**
 * The most rows one export (导出 Excel) holds: a county's items of several years fit; a larger
 * list is refused before any byte is written, asking for narrower filters.
 */
export const MAX_EXPORT_ROWS = 10_000;

/** Rows read from the database at a time while the file is written. */
const EXPORT_PAGE_SIZE = 500;

/** The items list's filters (no page: an export holds every matching row), as `userId` sees them. */
export interface ExportItemsCommand extends Omit<ItemSearchCriteria, 'page' | 'pageSize'> {
  userId: string;
}

/** How many rows match, and the rows themselves, page after page in the list's order. */
export interface ItemExport {
  total: number;
  pages: AsyncIterable<ItemListEntry[]>;
}

/**
 * Every item the user may see that matches the filters of the items list, for a file: the
 * count first, then the rows page by page (EXPORT_PAGE_SIZE at a time, so memory stays flat
 * however long the list). The pages are read as the file is written; an item changed meanwhile
 * shows as it is then. Errors: those of SearchItemsUseCase (USER_NOT_FOUND,
 * ORGANISATION_NOT_FOUND), EXPORT_TOO_LARGE (more than MAX_EXPORT_ROWS match).
 */
export class ExportItemsUseCase {
  private readonly search: SearchItemsUseCase;

  constructor(viewers: ViewersRepository, items: ItemQueriesRepository) {
    this.search = new SearchItemsUseCase(viewers, items);
  }

  async execute(command: ExportItemsCommand): Promise<ItemExport> {
    const first = await this.search.execute({ ...command, page: 1, pageSize: EXPORT_PAGE_SIZE });
    if (first.total > MAX_EXPORT_ROWS) {
      throw new ApplicationError(
        'EXPORT_TOO_LARGE',
        `符合筛选条件的整改事项共 ${first.total} 项，超过一次导出的上限 ${MAX_EXPORT_ROWS} 项：` +
          '请按党组织、年度或状态缩小范围后分批导出。',
        { total: first.total, limit: MAX_EXPORT_ROWS },
      );
    }
    const search = this.search;
    const pageCount = Math.ceil(first.total / EXPORT_PAGE_SIZE);
    async function* pages(): AsyncGenerator<ItemListEntry[]> {
      yield first.items;
      for (let page = 2; page <= pageCount; page++) {
        const next = await search.execute({ ...command, page, pageSize: EXPORT_PAGE_SIZE });
        if (next.items.length === 0) return;
        yield next.items;
      }
    }
    return { total: first.total, pages: pages() };
  }
}
