import { Module } from '@nestjs/common';
import { ImportDirectoryUseCase } from '@rectify/application';
import { PgDirectoryImportRepository, PgViewersRepository } from '@rectify/persistence';
import { DirectoryController } from './directory.controller';

/** 批量导入组织和人员: the template and the import, over the global repositories (DatabaseModule). */
@Module({
  controllers: [DirectoryController],
  providers: [
    {
      provide: ImportDirectoryUseCase,
      inject: [PgDirectoryImportRepository, PgViewersRepository],
      useFactory: (directory: PgDirectoryImportRepository, viewers: PgViewersRepository) =>
        new ImportDirectoryUseCase(directory, viewers),
    },
  ],
})
export class DirectoryModule {}
