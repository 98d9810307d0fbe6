import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Evidence (整改佐证) submitted for an item: a text, optionally with a stored file. */
@Entity({ name: 'evidence' })
export class EvidenceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid', name: 'item_id' })
  itemId!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text', name: 'file_name', nullable: true })
  fileName!: string | null;

  @Column({ type: 'text', name: 'mime_type', nullable: true })
  mimeType!: string | null;

  @Column({ type: 'int', name: 'size_bytes', nullable: true })
  sizeBytes!: number | null;

  @Column({ type: 'text', name: 'storage_key', nullable: true })
  storageKey!: string | null;

  /** Null when the system itself recorded it. */
  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** When the file was withdrawn before sign-off; null while it counts as evidence. */
  @Column({ type: 'timestamptz', name: 'deleted_at', nullable: true })
  deletedAt!: Date | null;

  @Column({ type: 'uuid', name: 'deleted_by', nullable: true })
  deletedBy!: string | null;
}
