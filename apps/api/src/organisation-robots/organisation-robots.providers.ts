import { type Provider } from '@nestjs/common';
import {
  ListOrganisationRobotsUseCase,
  ListRobotDeliveriesUseCase,
  RemoveOrganisationRobotUseCase,
  SaveOrganisationRobotUseCase,
} from '@rectify/application';
import {
  PgOrganisationRobotsRepository,
  PgOrganisationsRepository,
  PgViewersRepository,
} from '@rectify/persistence';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

const REPOSITORIES = [PgOrganisationRobotsRepository, PgOrganisationsRepository, PgViewersRepository];

/** The group robot settings' use cases; saving checks webhooks against ROBOT_WEBHOOK_HOSTS too. */
export const ORGANISATION_ROBOTS_PROVIDERS: Provider[] = [
  ...[ListOrganisationRobotsUseCase, RemoveOrganisationRobotUseCase, ListRobotDeliveriesUseCase].map(
    (UseCase): Provider => ({
      provide: UseCase,
      inject: REPOSITORIES,
      useFactory: (
        robots: PgOrganisationRobotsRepository,
        organisations: PgOrganisationsRepository,
        viewers: PgViewersRepository,
      ) => new UseCase(robots, organisations, viewers),
    }),
  ),
  {
    provide: SaveOrganisationRobotUseCase,
    inject: [...REPOSITORIES, API_CONFIG],
    useFactory: (
      robots: PgOrganisationRobotsRepository,
      organisations: PgOrganisationsRepository,
      viewers: PgViewersRepository,
      config: ApiConfig,
    ) => new SaveOrganisationRobotUseCase(robots, organisations, viewers, config.ROBOT_WEBHOOK_HOSTS),
  },
];
