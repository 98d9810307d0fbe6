import { type Provider } from '@nestjs/common';
import { AddOrganisationUseCase, GetOrganisationTreeUseCase } from '@rectify/application';
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
];
