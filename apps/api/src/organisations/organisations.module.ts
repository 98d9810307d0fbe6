import { Module } from '@nestjs/common';
import { OrganisationsController } from './organisations.controller';
import { ORGANISATIONS_PROVIDERS } from './organisations.providers';

@Module({ controllers: [OrganisationsController], providers: ORGANISATIONS_PROVIDERS })
export class OrganisationsModule {}
