import { type Provider } from '@nestjs/common';
import { AuthenticateUseCase, FindSessionUserUseCase, GetProfileUseCase } from '@rectify/application';
import { PgOrganisationsRepository, PgUsersRepository } from '@rectify/persistence';

/** The login, session and profile use cases over the global repositories (DatabaseModule). */
export const AUTH_PROVIDERS: Provider[] = [
  {
    provide: AuthenticateUseCase,
    inject: [PgUsersRepository],
    useFactory: (users: PgUsersRepository) => new AuthenticateUseCase(users),
  },
  {
    provide: FindSessionUserUseCase,
    inject: [PgUsersRepository],
    useFactory: (users: PgUsersRepository) => new FindSessionUserUseCase(users),
  },
  {
    provide: GetProfileUseCase,
    inject: [PgUsersRepository, PgOrganisationsRepository],
    useFactory: (users: PgUsersRepository, organisations: PgOrganisationsRepository) =>
      new GetProfileUseCase(users, organisations),
  },
];
