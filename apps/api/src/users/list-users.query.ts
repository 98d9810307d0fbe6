import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IntegerInRange } from '../common/integer-in-range.decorator';
import { POSITION_KINDS } from '@rectify/domain';

/** GET /api/users: the people list's filters and page. */
export class ListUsersQuery {
  @ApiPropertyOptional({ description: '按姓名或账号查找（部分匹配，不区分大小写）' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid', description: '只看该组织及其下级组织的人员' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ enum: POSITION_KINDS, enumName: 'PositionKind', description: '只看任此职务的人员' })
  @IsOptional()
  @IsIn(POSITION_KINDS)
  positionKind?: string;

  @ApiPropertyOptional({
    enum: ['active', 'disabled'],
    description: 'active 在用；disabled 已停用；缺省为全部',
  })
  @IsOptional()
  @IsIn(['active', 'disabled'])
  status?: 'active' | 'disabled';

  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 100000 })
  @IsOptional()
  @IntegerInRange(1, 100000)
  page: number = 1;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 200 })
  @IsOptional()
  @IntegerInRange(1, 200)
  pageSize: number = 20;
}
