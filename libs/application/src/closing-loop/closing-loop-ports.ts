import {
  type OrganisationsRepository,
  type TrackedItemsRepository,
  type ViewersRepository,
} from '@rectify/persistence';

/** The repositories every closing-the-loop use case reads through. */
export interface ClosingLoopPorts {
  organisations: OrganisationsRepository;
  viewers: ViewersRepository;
  trackedItems: TrackedItemsRepository;
}
