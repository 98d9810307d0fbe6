import { type ExtractionResult } from '@rectify/domain';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An imported annual work report: its decoded text and what the parser found in it. */
@Entity({ name: 'report' })
@Index(['organisationId', 'sourceHash'], { unique: true })
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'organisation_id' })
  organisationId!: string;

  @Column({ type: 'int', nullable: true })
  year!: number | null;

  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Column({ type: 'text', name: 'source_file_name' })
  sourceFileName!: string;

  /** SHA-256 of the uploaded bytes: importing the same file twice is recognised. */
  @Column({ type: 'text', name: 'source_hash' })
  sourceHash!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'jsonb' })
  extraction!: ExtractionResult;

  @Column({ type: 'uuid', name: 'imported_by', nullable: true })
  importedBy!: string | null;

  @CreateDateColumn({ name: 'imported_at', type: 'timestamptz' })
  importedAt!: Date;
}
