import { ApiProperty } from '@nestjs/swagger';
import { DIRECTORY_COLUMNS } from '@rectify/domain';

/** A new account and its one-time password, shown once. */
export class ImportedAccountResponse {
  @ApiProperty({ example: 'zhangsan' })
  username!: string;

  @ApiProperty({ example: '张三' })
  displayName!: string;

  @ApiProperty({ example: '青石村第三党支部', description: '所属组织（文件中此人第一行的组织）' })
  organisationName!: string;

  @ApiProperty({
    example: 'h7Kp-3mQx-Vb9T',
    description: '一次性密码：只在本次返回，系统只保存其哈希；首次登录须修改',
  })
  oneTimePassword!: string;
}

/** What a directory import added (or, with dryRun, would add). */
export class DirectoryImportResponse {
  @ApiProperty({ description: 'true：只检查并预计数量，未写入' })
  dryRun!: boolean;

  @ApiProperty({ example: 50, description: '新增组织数' })
  organisations!: number;

  @ApiProperty({ example: 200, description: '新增人员数' })
  people!: number;

  @ApiProperty({ example: 230, description: '新增职务数' })
  positions!: number;

  @ApiProperty({ example: '新增组织50个、人员200人、职务230个' })
  summary!: string;

  @ApiProperty({ type: [String], description: '未修改的已有信息（如已有账号的手机、邮箱与文件不同）' })
  notices!: string[];

  @ApiProperty({
    type: [ImportedAccountResponse],
    description: '新账号及一次性密码，只显示这一次；dryRun 时为空',
  })
  accounts!: ImportedAccountResponse[];
}

/** One problem of a directory file, by Excel's row number and column. */
export class DirectoryProblemDoc {
  @ApiProperty({ example: 7, description: 'Excel 行号（表头为第1行）' })
  row!: number;

  @ApiProperty({ enum: DIRECTORY_COLUMNS, example: '上级组织' })
  column!: string;

  @ApiProperty({
    example:
      '上级组织"东镇党委员会"在文件和系统中都找不到：请在文件中加上这个组织的一行（写明它的上级组织），或检查名称是否写错。',
  })
  message!: string;
}

class DirectoryProblemsDoc {
  @ApiProperty({ type: [DirectoryProblemDoc] })
  problems!: DirectoryProblemDoc[];
}

/** The refusal of a file with problems (DIRECTORY_INVALID) or unreadable (DIRECTORY_FILE_UNREADABLE). */
export class DirectoryInvalidErrorDoc {
  @ApiProperty({ example: 'DIRECTORY_INVALID', enum: ['DIRECTORY_INVALID', 'DIRECTORY_FILE_UNREADABLE'] })
  code!: string;

  @ApiProperty({ example: '文件有 3 处问题，未导入任何内容：……请改正后重新上传。' })
  message!: string;

  @ApiProperty({
    type: DirectoryProblemsDoc,
    nullable: true,
    description: 'DIRECTORY_INVALID 时逐行列出问题',
  })
  details!: DirectoryProblemsDoc | null;
}
