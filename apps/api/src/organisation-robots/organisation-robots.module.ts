import { Module } from '@nestjs/common';
import { OrganisationRobotsController } from './organisation-robots.controller';
import { ORGANISATION_ROBOTS_PROVIDERS } from './organisation-robots.providers';

@Module({ controllers: [OrganisationRobotsController], providers: ORGANISATION_ROBOTS_PROVIDERS })
export class OrganisationRobotsModule {}
