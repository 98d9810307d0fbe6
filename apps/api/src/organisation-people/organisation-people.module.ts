import { Module } from '@nestjs/common';
import { ListOrganisationPeopleUseCase } from '@rectify/application';
import {
  PgOrganisationPeopleRepository,
  PgOrganisationsRepository,
  PgViewersRepository,
} from '@rectify/persistence';
import { OrganisationPeopleController } from './organisation-people.controller';

/** GET /api/organisations/{id}/people over the global repositories (DatabaseModule). */
@Module({
  controllers: [OrganisationPeopleController],
  providers: [
    {
      provide: ListOrganisationPeopleUseCase,
      inject: [PgViewersRepository, PgOrganisationsRepository, PgOrganisationPeopleRepository],
      useFactory: (
        viewers: PgViewersRepository,
        organisations: PgOrganisationsRepository,
        organisationPeople: PgOrganisationPeopleRepository,
      ) => new ListOrganisationPeopleUseCase({ viewers, organisations, organisationPeople }),
    },
  ],
})
export class OrganisationPeopleModule {}
