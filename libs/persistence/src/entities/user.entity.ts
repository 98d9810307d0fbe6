import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'app_user' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'text' })
  username!: string;

  @Column({ type: 'text', name: 'display_name' })
  displayName!: string;

  @Column({ type: 'uuid', name: 'organisation_id' })
  organisationId!: string;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  /** 手机: optional contact number, free text. */
  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text', name: 'password_hash', nullable: true })
  passwordHash!: string | null;

  /** 停用: a disabled account can neither log in nor use a token issued before. */
  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  /**
   * Carried in every access token; a database trigger bumps it when the password or `disabled`
   * changes, which revokes the tokens issued before. Never set it by hand.
   */
  @Column({ type: 'integer', name: 'token_version', default: 0 })
  tokenVersion!: number;

  /**
   * Set by an administrator's reset to a one-time password: until the person chooses their own
   * password, the API answers nothing but that change (PASSWORD_CHANGE_REQUIRED).
   */
  @Column({ type: 'boolean', name: 'must_change_password', default: false })
  mustChangePassword!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
