import { z } from 'zod';
import * as tasks from '../services/tasks.service.js';
import { id } from './schemas/fields.js';
import {
  createTaskInput,
  listTasksInput,
  myDayInput,
  rescheduleTaskInput,
  setTaskStatusInput,
  updateTaskInput,
} from './schemas/tasks.schema.js';
import { permitted, router } from './trpc.js';

export const tasksRouter = router({
  list: permitted('tasks', 'view').input(listTasksInput).query(({ ctx, input }) => tasks.listTasks(ctx.userCtx, input)),

  get: permitted('tasks', 'view').input(z.object({ id })).query(({ ctx, input }) => tasks.getTask(ctx.userCtx, input.id)),

  myDay: permitted('tasks', 'view').input(myDayInput).query(({ ctx, input }) => tasks.myDay(ctx.userCtx, input)),

  create: permitted('tasks', 'create').input(createTaskInput).mutation(({ ctx, input }) => tasks.createTask(ctx.userCtx, input)),

  update: permitted('tasks', 'edit').input(updateTaskInput).mutation(({ ctx, input }) => tasks.updateTask(ctx.userCtx, input)),

  reschedule: permitted('tasks', 'edit')
    .input(rescheduleTaskInput)
    .mutation(({ ctx, input }) => tasks.rescheduleTask(ctx.userCtx, input)),

  setStatus: permitted('tasks', 'edit')
    .input(setTaskStatusInput)
    .mutation(({ ctx, input }) => tasks.setTaskStatus(ctx.userCtx, input)),

  delete: permitted('tasks', 'delete').input(z.object({ id })).mutation(({ ctx, input }) => tasks.deleteTask(ctx.userCtx, input.id)),
});
