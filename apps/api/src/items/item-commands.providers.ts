import { type Provider } from '@nestjs/common';
import {
  AttachEvidenceUseCase,
  type EvidenceStore,
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
  PgEvidenceStore,
  PgItemsRepository,
  PgOrganisationsRepository,
  PgViewersRepository,
} from '@rectify/persistence';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/** Injection token of the EvidenceStore the API's evidence use cases share. */
export const EVIDENCE_STORE = Symbol('EVIDENCE_STORE');

/**
 * The item commands (creation by hand, transitions, details, evidence files) over the items
 * repository, and the evidence store EVIDENCE_STORE names: files on disk under EVIDENCE_DIR, or
 * in the database.
 */
export const ITEM_COMMAND_PROVIDERS: Provider[] = [
  {
    provide: EVIDENCE_STORE,
    inject: [API_CONFIG, PgEvidenceStore],
    useFactory: (c: ApiConfig, inDatabase: PgEvidenceStore): EvidenceStore =>
      c.EVIDENCE_STORE === 'database' ? inDatabase : new EvidenceFileStore(c.EVIDENCE_DIR),
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
    inject: [PgItemsRepository, EVIDENCE_STORE],
    useFactory: (items: PgItemsRepository, files: EvidenceStore) => new AttachEvidenceUseCase(items, files),
  },
  {
    provide: DeleteEvidenceUseCase,
    inject: [PgItemsRepository, EVIDENCE_STORE],
    useFactory: (items: PgItemsRepository, files: EvidenceStore) => new DeleteEvidenceUseCase(items, files),
  },
  {
    provide: ReadEvidenceUseCase,
    inject: [PgViewersRepository, PgItemsRepository, EVIDENCE_STORE],
    useFactory: (viewers: PgViewersRepository, items: PgItemsRepository, files: EvidenceStore) =>
      new ReadEvidenceUseCase(viewers, items, files),
  },
];
