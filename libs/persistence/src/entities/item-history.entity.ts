import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One line of an item's append-only history: who sent which event, when, from which status to
 * which, with what payload. Rows are only ever inserted (the migration revokes nothing, but no
 * code path updates or deletes them).
 */
@Entity({ name: 'item_history' })
@Index(['itemId', 'seq'], { unique: true })
export class ItemHistoryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid', name: 'item_id' })
  itemId!: string;

  /** 1, 2, 3 … within the item, so the order is explicit and gaps are visible. */
  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'text', name: 'actor_id' })
  actorId!: string;

  @Column({ type: 'text', name: 'actor_role' })
  actorRole!: string;

  @Column({ type: 'text' })
  event!: string;

  @Column({ type: 'text', name: 'from_status', nullable: true })
  fromStatus!: string | null;

  @Column({ type: 'text', name: 'to_status' })
  toStatus!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @CreateDateColumn({ name: 'at', type: 'timestamptz' })
  at!: Date;
}
