import {
  type OrganisationsRepository,
  type UsersRepository,
  type ViewersRepository,
} from '@rectify/persistence';
import { ApplicationError } from '../errors/application-error';
import { type AdministeredBy, requireAdministrator } from '../organisations/administering';
import { type OrganisationIdOrName, requireOrganisationRef } from '../users/require-organisation-ref';
import { toUserEntry, type UserEntry } from '../users/user-entry';
import { checkedPositionKind } from '../users/position-grants';

/** The people list (人员列表) with its filters; pages count from 1. */
export interface ListUsersCommand {
  by: AdministeredBy;
  /** Part of the username or the name (姓名). */
  text?: string;
  /** The people of this organisation and of every one below it. */
  organisation?: OrganisationIdOrName;
  /** People holding a position of this kind (code or label: secretary / 书记 …). */
  positionKind?: string;
  /** 'active' (在用) or 'disabled' (已停用); absent: both. */
  status?: 'active' | 'disabled';
  /** 1-based page number; default 1. */
  page?: number;
  /** Entries per page, 1 to MAX_USER_PAGE_SIZE; default DEFAULT_USER_PAGE_SIZE. */
  pageSize?: number;
}

/** One page of the people list; `total` counts every match. */
export interface UserPage {
  total: number;
  page: number;
  pageSize: number;
  users: UserEntry[];
}

export const DEFAULT_USER_PAGE_SIZE = 20;
export const MAX_USER_PAGE_SIZE = 200;

/**
 * The people within the administrator's scope matching the filters, active first then by
 * username, one page at a time. Only administrators (and the operator) may.
 * Errors (ApplicationError): USER_NOT_FOUND (the administrator's account is gone), ADMIN_ONLY,
 * INVALID_ARGUMENT (position kind, page, page size), ORGANISATION_NOT_FOUND (the filter's organisation).
 */
export class ListUsersUseCase {
  constructor(
    private readonly users: UsersRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly viewers: ViewersRepository,
  ) {}

  async execute(command: ListUsersCommand): Promise<UserPage> {
    const scope = await requireAdministrator(this.viewers, command.by, '查看用户');
    const page = command.page ?? 1;
    const pageSize = command.pageSize ?? DEFAULT_USER_PAGE_SIZE;
    if (!Number.isInteger(page) || page < 1)
      throw new ApplicationError('INVALID_ARGUMENT', '页码须为从1开始的整数。', { page });
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_USER_PAGE_SIZE)
      throw new ApplicationError('INVALID_ARGUMENT', `每页条数须为1至${MAX_USER_PAGE_SIZE}的整数。`, {
        pageSize,
      });
    const positionKind =
      command.positionKind === undefined ? undefined : checkedPositionKind(command.positionKind);
    const organisationPath = command.organisation
      ? (await requireOrganisationRef(this.organisations, scope, command.organisation)).path
      : undefined;
    const found = await this.users.search(scope, {
      text: command.text?.trim() || undefined,
      organisationPath,
      positionKind,
      disabled: command.status === undefined ? undefined : command.status === 'disabled',
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    return {
      total: found.total,
      page,
      pageSize,
      users: found.rows.map((row) => toUserEntry(row, row.organisationName)),
    };
  }
}
