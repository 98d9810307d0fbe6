import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { type OrganisationKind } from '@rectify/domain';

/** 党委 / 党工委 / 党总支 / 党支部 (ORGANISATION_KINDS in libs/domain). */
export type { OrganisationKind };

/**
 * A Party organisation in the tree 党委 → 党总支 → 党支部. `path` lists the ids from the root
 * down to this organisation (`/a/b/c/`), so "this organisation and all below it" is one
 * indexed prefix query.
 */
@Entity({ name: 'organisation' })
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: OrganisationKind;

  @Column({ type: 'uuid', name: 'parent_id', nullable: true })
  parentId!: string | null;

  @Column({ type: 'text' })
  path!: string;

  /** 已停用: kept with its items and history, hidden from pickers, takes nothing new. */
  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
