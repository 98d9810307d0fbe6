import {
  directoryLookups,
  DirectoryFileError,
  type DirectoryFileErrorCode,
  type DirectoryProblem,
  planDirectoryImport,
  readDirectoryWorkbook,
} from '@rectify/domain';
import { type DirectoryImportRepository, type ViewersRepository } from '@rectify/persistence';
import { mayOnOrganisation } from '@rectify/workflow';
import { GENERATED_PASSWORD_BCRYPT_COST, hashManyPasswords } from '../auth/hash-many-passwords';
import { ApplicationError } from '../errors/application-error';
import { type AdministeredBy, requireAdministrator } from '../organisations/administering';
import { generateOneTimePassword } from '../users/one-time-password';

/** Import the organisation tree and its people from a directory template (批量导入组织和人员). */
export interface ImportDirectoryCommand {
  by: AdministeredBy;
  /** The .xlsx file's bytes. */
  bytes: Uint8Array;
  /** Check and count only; nothing is written and no password is made. */
  dryRun: boolean;
}

/** A new account and its one-time password: shown once, kept nowhere (only its hash is stored). */
export interface ImportedAccount {
  username: string;
  displayName: string;
  organisationName: string;
  oneTimePassword: string;
}

export interface ImportDirectoryResult {
  dryRun: boolean;
  /** New organisations, people and positions: written, or (dry run) that would be. */
  organisations: number;
  people: number;
  positions: number;
  /** 新增组织N个、人员N人、职务N个 (预计… for a dry run). */
  summary: string;
  /** What was found but left as it is (an existing account whose 手机 or 邮箱 differ). */
  notices: string[];
  /** The new accounts with their one-time passwords, in file order; empty for a dry run. */
  accounts: ImportedAccount[];
}

const FILE_ERRORS: Record<DirectoryFileErrorCode, 'DIRECTORY_FILE_TOO_LARGE' | 'DIRECTORY_FILE_UNREADABLE'> =
  {
    DIRECTORY_FILE_TOO_LARGE: 'DIRECTORY_FILE_TOO_LARGE',
    DIRECTORY_TOO_MANY_ROWS: 'DIRECTORY_FILE_TOO_LARGE',
    DIRECTORY_FILE_UNREADABLE: 'DIRECTORY_FILE_UNREADABLE',
    DIRECTORY_HEADER_INVALID: 'DIRECTORY_FILE_UNREADABLE',
  };

/**
 * Imports the organisations, people and positions of a directory template, all or nothing:
 * every row is checked first (planDirectoryImport) and any problem refuses the whole file with
 * each problem by row and column; otherwise one transaction adds what is missing. Existing
 * organisations and accounts are kept as they are (existing people keep their password), so the
 * same file imported again adds nothing (新增组织0个、人员0人、职务0个). Each new account gets a
 * generated one-time password (bcrypt at GENERATED_PASSWORD_BCRYPT_COST on worker threads, must be changed at first login),
 * returned here once. Administrators may create and attach only below organisations they
 * administer (mayOnOrganisation ADMINISTER); the operator everywhere.
 * Errors (ApplicationError): USER_NOT_FOUND, ADMIN_ONLY; DIRECTORY_FILE_TOO_LARGE (over 5 MB or
 * 5,000 rows), DIRECTORY_FILE_UNREADABLE (not an .xlsx, or without the template's header);
 * DIRECTORY_INVALID with `details.problems: DirectoryProblem[]`; DIRECTORY_CHANGED (409) when a
 * name was taken by someone else between the check and the write.
 */
export class ImportDirectoryUseCase {
  constructor(
    private readonly directory: DirectoryImportRepository,
    private readonly viewers: ViewersRepository,
  ) {}

  async execute(command: ImportDirectoryCommand): Promise<ImportDirectoryResult> {
    const scope = await requireAdministrator(this.viewers, command.by, '批量导入组织和人员');
    const rows = await readDirectoryWorkbook(command.bytes).catch((err: unknown) => {
      if (err instanceof DirectoryFileError) throw new ApplicationError(FILE_ERRORS[err.code], err.message);
      throw err;
    });
    if (rows.length === 0)
      throw new ApplicationError(
        'DIRECTORY_FILE_UNREADABLE',
        '文件中没有数据行：请在第2行起填写组织和人员后再上传。',
      );
    const snapshot = await this.directory.snapshot(directoryLookups(rows));
    const outcome = planDirectoryImport(rows, snapshot, (path) =>
      scope === 'operator' ? true : mayOnOrganisation(scope, 'ADMINISTER', path),
    );
    if (outcome.kind === 'invalid') throw invalid(outcome.problems);
    const { plan } = outcome;
    const counts = {
      organisations: plan.organisations.length,
      people: plan.people.length,
      positions: plan.positions.length,
    };
    if (command.dryRun) {
      return {
        dryRun: true,
        ...counts,
        summary: `预计${summaryOf(counts)}`,
        notices: plan.notices,
        accounts: [],
      };
    }
    const passwords = plan.people.map(() => generateOneTimePassword());
    const hashes = await hashManyPasswords(passwords, GENERATED_PASSWORD_BCRYPT_COST);
    const written = await this.directory.write({
      organisations: plan.organisations,
      positions: plan.positions,
      people: plan.people.map((p, i) => ({ ...p, passwordHash: hashes[i] })),
    });
    if (written.kind === 'changed_meanwhile') {
      throw new ApplicationError(
        'DIRECTORY_CHANGED',
        '检查之后，文件中的组织名称或账号已被他人使用，或上级组织已被停用：本次未导入任何内容，请重新上传文件再导入。',
      );
    }
    const orgName = (ref: { existingId: string } | { newName: string }) =>
      'newName' in ref
        ? ref.newName
        : ([...snapshot.organisations.values()].find((o) => o.id === ref.existingId)?.name ?? '');
    const result = {
      organisations: written.organisations,
      people: written.people,
      positions: written.positions,
    };
    return {
      dryRun: false,
      ...result,
      summary: summaryOf(result),
      notices: plan.notices,
      accounts: plan.people.map((p, i) => ({
        username: p.username,
        displayName: p.displayName,
        organisationName: orgName(p.home),
        oneTimePassword: passwords[i],
      })),
    };
  }
}

function summaryOf(c: { organisations: number; people: number; positions: number }): string {
  return `新增组织${c.organisations}个、人员${c.people}人、职务${c.positions}个`;
}

function invalid(problems: DirectoryProblem[]): ApplicationError {
  const shown = problems.slice(0, 3).map((p) => `第${p.row}行「${p.column}」：${p.message}`);
  return new ApplicationError(
    'DIRECTORY_INVALID',
    `文件有 ${problems.length} 处问题，未导入任何内容：${shown.join('；')}${problems.length > 3 ? '……' : ''}。请改正后重新上传。`,
    { problems },
  );
}
