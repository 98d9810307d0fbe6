import { type Provider } from '@nestjs/common';
import {
  AddOrganisationUseCase,
  EditOrganisationUseCase,
  GetOrganisationTreeUseCase,
  MoveOrganisationUseCase,
  SetOrganisationActiveUseCase,
} from '@rectify/application';
import { PgOrganisationsRepository, PgViewersRepository } from '@rectify/persistence';

/** The organisation administration use cases over the global repositories (DatabaseModule). */
export const ORGANISATIONS_PROVIDERS: Provider[] = [
  {
    provide: GetOrganisationTreeUseCase,
    inject: [PgOrganisationsRepository, PgViewersRepository],
    useFactory: (organisations: PgOrganisationsRepository, viewers: PgViewersRepository) =>
      new GetOrganisationTreeUseCase(organisations, viewers),
  },
  {
    provide: AddOrganisationUseCase,
    inject: [PgOrganisationsRepository, PgViewersRepository],
    useFactory: (organisations: PgOrganisationsRepository, viewers: PgViewersRepository) =>
      new AddOrganisationUseCase(organisations, viewers),
  },
  ...[EditOrganisationUseCase, MoveOrganisationUseCase, SetOrganisationActiveUseCase].map(
    (useCase): Provider => ({
      provide: useCase,
      inject: [PgOrganisationsRepository, PgViewersRepository],
      useFactory: (organisations: PgOrganisationsRepository, viewers: PgViewersRepository) =>
        new useCase(organisations, viewers),
    }),
  ),
];
