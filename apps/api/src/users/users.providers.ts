import { type Provider } from '@nestjs/common';
import {
  AddUserUseCase,
  ChangeOwnPasswordUseCase,
  EditUserUseCase,
  ListUsersUseCase,
  ResetUserPasswordUseCase,
  SetUserActiveUseCase,
  SetUserPositionsUseCase,
} from '@rectify/application';
import { PgOrganisationsRepository, PgUsersRepository, PgViewersRepository } from '@rectify/persistence';

const ADMIN_REPOSITORIES = [PgUsersRepository, PgOrganisationsRepository, PgViewersRepository];
type AdminUseCase = new (
  users: PgUsersRepository,
  organisations: PgOrganisationsRepository,
  viewers: PgViewersRepository,
) => unknown;

const administration = (UseCase: AdminUseCase): Provider => ({
  provide: UseCase,
  inject: ADMIN_REPOSITORIES,
  useFactory: (
    users: PgUsersRepository,
    organisations: PgOrganisationsRepository,
    viewers: PgViewersRepository,
  ) => new UseCase(users, organisations, viewers),
});

/** People administration and one's own password, over the global repositories (DatabaseModule). */
export const USERS_PROVIDERS: Provider[] = [
  administration(AddUserUseCase),
  administration(ListUsersUseCase),
  administration(SetUserPositionsUseCase),
  administration(EditUserUseCase),
  administration(SetUserActiveUseCase),
  administration(ResetUserPasswordUseCase),
  {
    provide: ChangeOwnPasswordUseCase,
    inject: [PgUsersRepository],
    useFactory: (users: PgUsersRepository) => new ChangeOwnPasswordUseCase(users),
  },
];
