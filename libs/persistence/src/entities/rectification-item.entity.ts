import { type ItemSource, type RectificationStatus } from '@rectify/domain';
import { type PendingExtension } from '@rectify/workflow';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/** A rectification item (整改事项): one problem, found in a report or created by hand, tracked to its sign-off. */
@Entity({ name: 'rectification_item' })
@Index(['reportId', 'seq'], { unique: true })
export class RectificationItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The report it was found in; null for an item created by hand (上级点评、巡视巡察 …). */
  @Column({ type: 'uuid', name: 'report_id', nullable: true })
  reportId!: string | null;

  /** The year the item belongs to (its report's for imported items); null only for an imported item of a report without a year. */
  @Column({ type: 'int', nullable: true })
  year!: number | null;

  /** Who created it by hand; null for imported items. */
  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy!: string | null;

  /** When the item was withdrawn (撤销) as a mistake; null while it stands. */
  @Column({ type: 'timestamptz', name: 'withdrawn_at', nullable: true })
  withdrawnAt!: Date | null;

  /** Who withdrew it (a user id); null while it stands. */
  @Column({ type: 'uuid', name: 'withdrawn_by', nullable: true })
  withdrawnBy!: string | null;

  /** Why it was withdrawn (撤销原因); null while it stands. */
  @Column({ type: 'text', name: 'withdraw_reason', nullable: true })
  withdrawReason!: string | null;

  @Index()
  @Column({ type: 'uuid', name: 'organisation_id' })
  organisationId!: string;

  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  detail!: string;

  @Column({ type: 'text' })
  source!: ItemSource;

  @Column({ type: 'text', nullable: true })
  category!: string | null;

  @Index()
  @Column({ type: 'text' })
  status!: RectificationStatus;

  @Column({ type: 'date', nullable: true })
  deadline!: string | null;

  @Column({ type: 'uuid', name: 'owner_id', nullable: true })
  ownerId!: string | null;

  @Column({ type: 'text', name: 'responsible_leader', nullable: true })
  responsibleLeader!: string | null;

  @Column({ type: 'int', name: 'review_interval_days', nullable: true })
  reviewIntervalDays!: number | null;

  @Column({ type: 'jsonb', name: 'pending_extension', nullable: true })
  pendingExtension!: PendingExtension | null;

  /** Optimistic lock: a transition saves only if nobody changed the item since it was read. */
  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
