import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A rectification measure (整改措施) of an item, with who is responsible and by when. */
@Entity({ name: 'measure' })
@Unique('measure_item_seq_key', ['itemId', 'seq'])
export class MeasureEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'item_id' })
  itemId!: string;

  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  detail!: string;

  @Column({ type: 'text', nullable: true })
  responsible!: string | null;

  /** The person picked as 责任人 (null: free text, or an imported measure). */
  @Column({ type: 'uuid', name: 'responsible_user_id', nullable: true })
  responsibleUserId!: string | null;

  @Column({ type: 'date', nullable: true })
  deadline!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
