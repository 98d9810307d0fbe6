import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** POST /api/organisations/{id}/move: the new parent (not the organisation itself or below it). */
export class MoveOrganisationDto {
  @ApiProperty({ format: 'uuid', description: '新的上级党组织' })
  @IsUUID()
  parentId!: string;
}
