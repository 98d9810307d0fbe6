import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AccountController } from './account.controller';
import { UsersController } from './users.controller';
import { USERS_PROVIDERS } from './users.providers';

@Module({
  imports: [AuthModule],
  controllers: [UsersController, AccountController],
  providers: USERS_PROVIDERS,
})
export class UsersModule {}
