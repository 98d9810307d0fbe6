import { Module } from '@nestjs/common';
import { GetTodoUseCase } from '@rectify/application';
import { REPOSITORIES, type Repositories } from '@rectify/persistence';
import { TodoController } from './todo.controller';

/** GET /api/me/todo: the to-do lists (待办) over the viewers and to-do candidates repositories. */
@Module({
  controllers: [TodoController],
  providers: [
    {
      provide: GetTodoUseCase,
      inject: [REPOSITORIES],
      useFactory: (r: Repositories) => new GetTodoUseCase(r.viewers, r.todoQueries),
    },
  ],
})
export class TodoModule {}
