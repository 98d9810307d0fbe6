import { ApiProperty } from '@nestjs/swagger';
import { OrganisationKindProperty } from '../common/vocabulary.response';

/** GET /api/organisations: one organisation of the caller's tree, with those below it. */
export class OrganisationNodeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '第一党支部' }) name!: string;
  @OrganisationKindProperty() kind!: string;
  @ApiProperty({ description: '已停用：保留其事项与历史，不再用于新增人员、事项和导入' })
  disabled!: boolean;
  @ApiProperty({ type: () => [OrganisationNodeResponse], description: '下级组织，按名称排序' })
  children!: OrganisationNodeResponse[];
}

/** POST /api/organisations: the organisation created. */
export class OrganisationCreatedResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @OrganisationKindProperty() kind!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '上级党组织；顶层为 null' })
  parentId!: string | null;
}

/** PATCH /api/organisations/{id}, …/move, …/deactivate, …/activate: the organisation as it is now. */
export class OrganisationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '青石村党支部' }) name!: string;
  @OrganisationKindProperty() kind!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '上级党组织；顶层为 null' })
  parentId!: string | null;
  @ApiProperty({ description: '已停用' }) disabled!: boolean;
}

/** POST /api/users: the account created. */
