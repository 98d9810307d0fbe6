import { type Provider } from '@nestjs/common';
import { CompactItemTalliesUseCase } from '@rectify/application';
import { PgItemTallyRepository } from '@rectify/persistence';

/** The worker's housekeeping use cases, over the repositories the DatabaseModule provides. */
export const maintenanceUseCaseProviders: Provider[] = [
  {
    provide: CompactItemTalliesUseCase,
    inject: [PgItemTallyRepository],
    useFactory: (tallies: PgItemTallyRepository) => new CompactItemTalliesUseCase(tallies),
  },
];
