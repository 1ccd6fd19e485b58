import { AppError, AppErrorCode, type ScopedDb } from "@orchestrator/db";
import { seesAllCrm } from "../hands";

/**
 * The team an import puts its leads in (a CSV has no team column): it must exist, and a sales user or
 * manager must be a member of it. A member of one team may leave it out (their team is stamped); a
 * manager of several must choose, or every row is refused on `team`. A field error otherwise.
 */
export async function checkImportTeam(scoped: ScopedDb, team: string | undefined): Promise<void> {
  if (!team) return;
  try {
    await scoped.get("CRM Team", team, { logAccess: false });
  } catch (error) {
    if (error instanceof AppError && error.code === AppErrorCode.NotFound) throw AppError.validation([{ field: "team", message: `There is no team ${team}` }]);
    throw error;
  }
  if (!seesAllCrm(scoped.principal) && !(scoped.principal.teams ?? []).includes(team)) throw AppError.validation([{ field: "team", message: `You are not a member of ${team}: import into one of your teams` }]);
}
