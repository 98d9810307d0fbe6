import { InitialSchema1732400000000 } from './1732400000000-initial-schema';
import { Reminders1732500000000 } from './1732500000000-reminders';
import { Recurrence1732600000000 } from './1732600000000-recurrence';
import { OutboxFailures1732700000000 } from './1732700000000-outbox-failures';
import { EvidenceDeletion1732710000000 } from './1732710000000-evidence-deletion';
import { UserSessions1732720000000 } from './1732720000000-user-sessions';
import { HistoryDeadline1732730000000 } from './1732730000000-history-deadline';
import { UserAdministration1732750000000 } from './1732750000000-user-administration';
import { CreatedItems1732760000000 } from './1732760000000-created-items';
import { Positions1732770000000 } from './1732770000000-positions';
import { WithdrawnItems1732780000000 } from './1732780000000-withdrawn-items';
import { MeasureResponsible1732790000000 } from './1732790000000-measure-responsible';
import { Notifications1732800000000 } from './1732800000000-notifications';
import { LedgerKeys1732810000000 } from './1732810000000-ledger-keys';
import { EvidenceFile1732820000000 } from './1732820000000-evidence-file';
import { RecurrenceKeys1732830000000 } from './1732830000000-recurrence-keys';
import { SubtreePageIndexes1732840000000 } from './1732840000000-subtree-page-indexes';
import { TierInbox1732850000000 } from './1732850000000-tier-inbox';
import { ItemOrganisationPath1732860000030 } from './1732860000030-item-organisation-path';
import { SummaryPathIndex1732870000000 } from './1732870000000-summary-path-index';
import { RecurrenceLinksCapped1732880000000 } from './1732880000000-recurrence-links-capped';
import { RobotTierBacklog1732890000000 } from './1732890000000-robot-tier-backlog';
import { ItemTally1732900000000 } from './1732900000000-item-tally';
import { MeasureCountRecount1732910000000 } from './1732910000000-measure-count-recount';
import { ReportLz41732920000000 } from './1732920000000-report-lz4';
import { ItemsOfYearIndex1732930000000 } from './1732930000000-items-of-year-index';
import { ShownRecurrenceLinks1732940000000 } from './1732940000000-shown-recurrence-links';
import { StatusListingIndex1732950000000 } from './1732950000000-status-listing-index';
import { ListingIndexTotalOrder1732960000000 } from './1732960000000-listing-index-total-order';

/**
 * Every migration, oldest first. Add a new one on its own line at the end; its class name ends
 * with the timestamp of its file name, which TypeORM uses to order and record it.
 */
// prettier-ignore
export const MIGRATIONS = [
  InitialSchema1732400000000,
  Reminders1732500000000,
  Recurrence1732600000000,
  OutboxFailures1732700000000,
  EvidenceDeletion1732710000000,
  UserSessions1732720000000,
  HistoryDeadline1732730000000,
  UserAdministration1732750000000,
  CreatedItems1732760000000,
  Positions1732770000000,
  WithdrawnItems1732780000000,
  MeasureResponsible1732790000000,
  Notifications1732800000000,
  LedgerKeys1732810000000,
  EvidenceFile1732820000000,
  RecurrenceKeys1732830000000,
  SubtreePageIndexes1732840000000,
  TierInbox1732850000000,
  ItemOrganisationPath1732860000030,
  SummaryPathIndex1732870000000,
  RecurrenceLinksCapped1732880000000,
  RobotTierBacklog1732890000000,
  ItemTally1732900000000,
  MeasureCountRecount1732910000000,
  ReportLz41732920000000,
  ItemsOfYearIndex1732930000000,
  ShownRecurrenceLinks1732940000000,
  StatusListingIndex1732950000000,
  ListingIndexTotalOrder1732960000000,
];
