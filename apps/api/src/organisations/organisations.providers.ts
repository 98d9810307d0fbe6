import { type Provider } from '@nestjs/common';
import {
  AddOrganisationUseCase,
  AddUserUseCase,
  EditOrganisationUseCase,
  GetOrganisationTreeUseCase,
  MoveOrganisationUseCase,
  SetOrganisationActiveUseCase,
} from '@rectify/application';
import { PgOrganisationsRepository, PgUsersRepository, PgViewersRepository } from '@rectify/persistence';

/** The organisation and user administration use cases over the global repositories (DatabaseModule). */
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
  {
    provide: AddUserUseCase,
    inject: [PgUsersRepository, PgOrganisationsRepository, PgViewersRepository],
    useFactory: (
      users: PgUsersRepository,
      organisations: PgOrganisationsRepository,
      viewers: PgViewersRepository,
    ) => new AddUserUseCase(users, organisations, viewers),
  },
];
