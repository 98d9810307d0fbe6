import { type Provider } from '@nestjs/common';
import {
  AttachEvidenceUseCase,
  BulkTransitionItemsUseCase,
  CreateItemsUseCase,
  DeleteEvidenceUseCase,
  ReadEvidenceUseCase,
  RestoreItemUseCase,
  TransitionItemUseCase,
  UpdateItemDetailsUseCase,
  WithdrawItemUseCase,
} from '@rectify/application';
import {
  EvidenceFileStore,
  PgItemsRepository,
  PgOrganisationsRepository,
  PgViewersRepository,
} from '@rectify/persistence';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/**
 * The item commands (creation by hand, transitions, details, evidence files) over the items repository, and
 * the evidence files on disk under EVIDENCE_DIR.
 */
export const ITEM_COMMAND_PROVIDERS: Provider[] = [
  {
    provide: EvidenceFileStore,
    inject: [API_CONFIG],
    useFactory: (c: ApiConfig) => new EvidenceFileStore(c.EVIDENCE_DIR),
  },
  {
    provide: TransitionItemUseCase,
    inject: [PgItemsRepository],
    useFactory: (items: PgItemsRepository) => new TransitionItemUseCase(items),
  },
  {
    provide: BulkTransitionItemsUseCase,
    inject: [TransitionItemUseCase],
    useFactory: (transitions: TransitionItemUseCase) => new BulkTransitionItemsUseCase(transitions),
  },
  {
    provide: UpdateItemDetailsUseCase,
    inject: [PgItemsRepository],
    useFactory: (items: PgItemsRepository) => new UpdateItemDetailsUseCase(items),
  },
  {
    provide: WithdrawItemUseCase,
    inject: [PgItemsRepository],
    useFactory: (items: PgItemsRepository) => new WithdrawItemUseCase(items),
  },
  {
    provide: RestoreItemUseCase,
    inject: [PgItemsRepository],
    useFactory: (items: PgItemsRepository) => new RestoreItemUseCase(items),
  },
  {
    provide: CreateItemsUseCase,
    inject: [PgItemsRepository, PgOrganisationsRepository, PgViewersRepository],
    useFactory: (
      items: PgItemsRepository,
      organisations: PgOrganisationsRepository,
      viewers: PgViewersRepository,
    ) => new CreateItemsUseCase({ items, organisations, viewers }),
  },
  {
    provide: AttachEvidenceUseCase,
    inject: [PgItemsRepository, EvidenceFileStore],
    useFactory: (items: PgItemsRepository, files: EvidenceFileStore) =>
      new AttachEvidenceUseCase(items, files),
  },
  {
    provide: DeleteEvidenceUseCase,
    inject: [PgItemsRepository, EvidenceFileStore],
    useFactory: (items: PgItemsRepository, files: EvidenceFileStore) =>
      new DeleteEvidenceUseCase(items, files),
  },
  {
    provide: ReadEvidenceUseCase,
    inject: [PgViewersRepository, PgItemsRepository, EvidenceFileStore],
    useFactory: (viewers: PgViewersRepository, items: PgItemsRepository, files: EvidenceFileStore) =>
      new ReadEvidenceUseCase(viewers, items, files),
  },
];
