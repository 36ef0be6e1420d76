import * as teams from '../services/teams.service.js';
import { createTeamInput, renameTeamInput, setTeamManagerInput, teamIdInput } from './schemas/users.schema.js';
import { adminProcedure, router } from './trpc.js';

/** Teams and their managers (Settings → Users and teams); pickers read leads.teams. */
export const teamsRouter = router({
  list: adminProcedure.query(({ ctx }) => teams.listTeams(ctx.userCtx)),

  create: adminProcedure.input(createTeamInput).mutation(({ ctx, input }) => teams.createTeam(ctx.userCtx, input)),

  rename: adminProcedure.input(renameTeamInput).mutation(({ ctx, input }) => teams.renameTeam(ctx.userCtx, input)),

  setManager: adminProcedure.input(setTeamManagerInput).mutation(({ ctx, input }) => teams.setTeamManager(ctx.userCtx, input)),

  delete: adminProcedure.input(teamIdInput).mutation(({ ctx, input }) => teams.deleteTeam(ctx.userCtx, input.id)),
});
