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
import { authedProcedure, router } from './trpc.js';

export const tasksRouter = router({
  list: authedProcedure.input(listTasksInput).query(({ ctx, input }) => tasks.listTasks(ctx.userCtx, input)),

  get: authedProcedure.input(z.object({ id })).query(({ ctx, input }) => tasks.getTask(ctx.userCtx, input.id)),

  myDay: authedProcedure.input(myDayInput).query(({ ctx, input }) => tasks.myDay(ctx.userCtx, input)),

  create: authedProcedure.input(createTaskInput).mutation(({ ctx, input }) => tasks.createTask(ctx.userCtx, input)),

  update: authedProcedure.input(updateTaskInput).mutation(({ ctx, input }) => tasks.updateTask(ctx.userCtx, input)),

  reschedule: authedProcedure
    .input(rescheduleTaskInput)
    .mutation(({ ctx, input }) => tasks.rescheduleTask(ctx.userCtx, input)),

  setStatus: authedProcedure
    .input(setTaskStatusInput)
    .mutation(({ ctx, input }) => tasks.setTaskStatus(ctx.userCtx, input)),

  delete: authedProcedure.input(z.object({ id })).mutation(({ ctx, input }) => tasks.deleteTask(ctx.userCtx, input.id)),
});
