import { AppError, type ScopedDb } from "@orchestrator/db";
import { seesAllCrm } from "./hands";

export interface TeamMember {
  user: string;
  isManager: boolean;
}

/** A CRM Team's members (the team is a catalogue every CRM reader sees). */
export async function teamMembers(scoped: ScopedDb, team: string): Promise<TeamMember[]> {
  const doc = await scoped.get("CRM Team", team);
  return ((doc.users ?? []) as Record<string, unknown>[]).map((r) => ({ user: String(r.user), isManager: r.is_manager === 1 }));
}

/** Whether the caller manages `team` (a member flagged `is_manager`), or sees all of the CRM. */
export async function managesTeam(scoped: ScopedDb, team: string | null): Promise<boolean> {
  if (seesAllCrm(scoped.principal)) return true;
  if (!team) return false;
  return (await teamMembers(scoped, team)).some((m) => m.user === scoped.principal.user && m.isManager);
}

/**
 * Reassigning a record (its owner or team) is a manager's move: the caller must manage the team the
 * record ends up in (and, when it leaves a team, that one too), and a new owner must be of the team.
 */
export async function checkReassignment(scoped: ScopedDb, input: { ownerField: string; team: string | null; previousTeam: string | null; owner: string | null; ownerChanged: boolean; teamChanged: boolean }): Promise<void> {
  const { ownerField } = input;
  if (!input.ownerChanged && !input.teamChanged) return;
  const issues: { field: string; message: string }[] = [];
  const managesNew = await managesTeam(scoped, input.team);
  const managesOld = !input.teamChanged || !input.previousTeam || (await managesTeam(scoped, input.previousTeam));
  if (!managesNew || !managesOld) issues.push({ field: input.teamChanged ? "team" : ownerField, message: `Only a manager of team ${input.teamChanged ? (input.previousTeam ?? input.team ?? "—") : (input.team ?? "—")} can reassign this record` });
  else if (input.owner && input.team && !(await teamMembers(scoped, input.team)).some((m) => m.user === input.owner)) {
    issues.push({ field: ownerField, message: `${input.owner} is not a member of team ${input.team}` });
  }
  if (issues.length) throw AppError.validation(issues);
}
