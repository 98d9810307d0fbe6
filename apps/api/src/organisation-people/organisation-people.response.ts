import { ApiProperty } from '@nestjs/swagger';
import { POSITION_KINDS, POSITION_PROFILES } from '@rectify/domain';

const POSITION_GLOSSARY = POSITION_KINDS.map((k) => `${k} ${POSITION_PROFILES[k].label}`).join('；');

/** One person of an organisation, to pick as a measure's 责任人. */
export class OrganisationPersonResponse {
  @ApiProperty({ format: 'uuid', description: '人员编号：作为整改措施的 responsibleUserId 提交' })
  id!: string;

  @ApiProperty({ example: '张三', description: '姓名' })
  displayName!: string;

  @ApiProperty({
    enum: POSITION_KINDS as unknown as string[],
    enumName: 'PositionKind',
    isArray: true,
    description: `在本组织担任的职务（无则为空）：${POSITION_GLOSSARY}`,
  })
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
