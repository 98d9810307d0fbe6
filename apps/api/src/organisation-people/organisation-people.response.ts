import { ApiProperty } from '@nestjs/swagger';
import { PositionKindProperty } from '../common/vocabulary.response';

/** One person of an organisation, to pick as a measure's 责任人. */
export class OrganisationPersonResponse {
  @ApiProperty({ format: 'uuid', description: '人员编号：作为整改措施的 responsibleUserId 提交' })
  id!: string;

  @ApiProperty({ example: '张三', description: '姓名' })
  displayName!: string;

  @PositionKindProperty({ isArray: true, description: '在本组织担任的职务（无则为空）' })
  positions!: string[];
}

/** GET /api/organisations/{id}/people. */
export class OrganisationPeopleResponse {
  @ApiProperty({
    type: [OrganisationPersonResponse],
    description: '本组织在职人员（本组织账号及在本组织任职者），按姓名排序，最多 500 人',
  })
  people!: OrganisationPersonResponse[];

  @ApiProperty({ description: '人数超过 500 时为 true，只列出前 500 人' })
  truncated!: boolean;
}
