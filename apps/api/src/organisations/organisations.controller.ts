import { Body, Controller, Get, Post } from '@nestjs/common';
import { addOrganisation, addUser, scopeCondition, viewerScope } from '@rectify/application';
import { OrganisationEntity, UserEntity } from '@rectify/persistence';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { type CurrentUser } from '../auth/access-token';
import { AuthUser } from '../auth/current-user.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { requireAdmin } from './admin-only';
import { CreateOrganisationDto } from './create-organisation.dto';
import { CreateUserDto } from './create-user.dto';

interface OrganisationNode {
  id: string;
  name: string;
  kind: string;
  children: OrganisationNode[];
}

@ApiTags('organisations 组织与用户')
@ApiBearerAuth()
@Controller()
export class OrganisationsController {
  constructor(private readonly db: DataSource) {}

  /** The organisations the user may see, as a tree (党委 → 党总支 → 党支部). */
  @ApiOperation({ summary: '本人可见的党组织树' })
  @ApiErrors()
  @Get('organisations')
  async tree(@AuthUser() user: CurrentUser): Promise<OrganisationNode[]> {
    const cond = scopeCondition(await viewerScope(this.db, user.sub), 1);
    const rows: { id: string; name: string; kind: string; parent_id: string | null }[] = await this.db.query(
      `SELECT o.id, o.name, o.kind, o.parent_id FROM organisation o WHERE ${cond.sql} ORDER BY o.name`,
      cond.params,
    );
    const nodes = new Map(
      rows.map((r) => [r.id, { id: r.id, name: r.name, kind: r.kind, children: [] as OrganisationNode[] }]),
    );
    const roots: OrganisationNode[] = [];
    for (const r of rows) {
      const parent = r.parent_id ? nodes.get(r.parent_id) : undefined;
      (parent ? parent.children : roots).push(nodes.get(r.id) as OrganisationNode);
    }
    return roots;
  }

  @ApiOperation({ summary: '添加党组织（管理员）' })
  @ApiErrors(400, 403, 404, 409)
  @Post('organisations')
  async create(@AuthUser() user: CurrentUser, @Body() body: CreateOrganisationDto) {
    requireAdmin(user, '添加党组织');
    const parent = body.parentId
      ? await this.db.getRepository(OrganisationEntity).findOneBy({ id: body.parentId })
      : null;
    const org = await addOrganisation(this.db, {
      name: body.name,
      parentName: parent?.name ?? body.parentId,
      kind: body.kind,
    });
    return { id: org.id, name: org.name, kind: org.kind, parentId: org.parentId };
  }

  @ApiOperation({ summary: '用户列表（管理员）' })
  @ApiErrors(403)
  @Get('users')
  async users(@AuthUser() user: CurrentUser) {
    requireAdmin(user, '查看用户');
    const users = await this.db.getRepository(UserEntity).find({ order: { username: 'ASC' } });
    return users.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      organisationId: u.organisationId,
      email: u.email,
    }));
  }

  @ApiOperation({ summary: '添加用户（管理员）' })
  @ApiErrors(400, 403, 404, 409)
  @Post('users')
  async createUser(@AuthUser() user: CurrentUser, @Body() body: CreateUserDto) {
    requireAdmin(user, '添加用户');
    const org = await this.db.getRepository(OrganisationEntity).findOneBy({ id: body.organisationId });
    const created = await addUser(this.db, {
      username: body.username,
      displayName: body.displayName,
      role: body.role,
      organisationName: org?.name ?? body.organisationId,
      email: body.email,
      password: body.password,
    });
    return {
      id: created.id,
      username: created.username,
      role: created.role,
      organisationId: created.organisationId,
    };
  }
}
