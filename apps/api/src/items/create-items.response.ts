import { ApiProperty } from '@nestjs/swagger';

/** One item created by hand. */
export class CreatedItemResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: 'integer', description: '编号：本组织本年度手工新建事项中的序号' })
  seq!: number;

  @ApiProperty({ example: '理论学习不够深入' })
  title!: string;
}

/** What creating items by hand did: the items, in the order given, all 问题已查摆. */
export class CreatedItemsResponse {
  @ApiProperty({ format: 'uuid' })
  organisationId!: string;

  @ApiProperty({ type: 'integer', example: 2026, description: '问题所属年度' })
  year!: number;

  @ApiProperty({ type: [CreatedItemResponse] })
  items!: CreatedItemResponse[];
}
