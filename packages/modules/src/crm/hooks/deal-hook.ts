import { v7 as uuidv7 } from "uuid";
import { crmStageChanges } from "@orchestrator/db/schema";
import { AppError, nextTimestamp, parseTimestamp, type ScopedDb, type ValidateEvent } from "@orchestrator/db";
import { checkReassignment } from "../team-access";
import { str, type FieldIssue } from "./person-fields";

export interface Stage {
  name: string;
  position: number;
  probability: number;
  type: "Open" | "Won" | "Lost";
  requiresLostReason: boolean;
}

/** The pipeline's stages in order (a catalogue every CRM reader sees). */
export async function loadStages(scoped: ScopedDb): Promise<Stage[]> {
  const rows = await scoped.list("CRM Deal Status", { fields: ["name", "position", "probability", "type", "requires_lost_reason"], orderBy: [{ field: "position", direction: "asc" }], limit: 0 });
  return rows.map((r) => ({ name: String(r.name), position: Number(r.position), probability: Number(r.probability), type: r.type as Stage["type"], requiresLostReason: r.requires_lost_reason === 1 }));
}

const currencies = new Set(Intl.supportedValuesOf("currency"));

function checkValues(doc: Readonly<Record<string, unknown>>, changed: readonly string[], issues: FieldIssue[]): void {
  const amount = doc.amount;
  if (changed.includes("amount") && typeof amount === "number" && amount < 0) issues.push({ field: "amount", message: "Amount cannot be negative" });
  const currency = str(doc.currency);
  if (changed.includes("currency") && currency && !currencies.has(currency)) issues.push({ field: "currency", message: `${currency} is not an ISO 4217 currency code (e.g. USD, EUR)` });
  const p = doc.probability;
  if (changed.includes("probability") && typeof p === "number" && (p < 0 || p > 100)) issues.push({ field: "probability", message: "Probability must be between 0 and 100" });
}

/** Seconds between two stored timestamps, or null when either is missing. */
function secondsBetween(from: unknown, to: string): number | null {
  const a = typeof from === "string" ? parseTimestamp(from) : null;
  const b = parseTimestamp(to);
  return a === null || b === null ? null : Number((b - a) / 1_000_000n);
}

/**
 * `CRM Deal`'s validate: the stage defaults to the pipeline's first; a stage move takes the stage's
 * probability (unless the write sets one), asks for a lost reason when the stage requires it (a field
 * error on `lost_reason`), stamps `stage_changed_on` and appends a `CRM Deal Stage Change` row with
 * the time spent in the previous stage, in the move's transaction. An admitted deal stays Won.
 * Reassigning (owner, team) is a manager's move.
 */
export async function validateDeal(scoped: ScopedDb, event: ValidateEvent): Promise<Record<string, unknown>> {
  const issues: FieldIssue[] = [];
  checkValues(event.doc, event.changed, issues);
  const stages = await loadStages(scoped);
  const set: Record<string, unknown> = {};
  let stageName = str(event.doc.status);
  if (!stageName && event.action === "create") stageName = stages.find((s) => s.type === "Open")?.name ?? null;
  const stage = stages.find((s) => s.name === stageName);
  if (!stage) issues.push({ field: "status", message: stageName ? `${stageName} is not a pipeline stage` : "Stage is required" });
  const moved = event.action === "create" || event.changed.includes("status");
  if (stage && moved) {
    if (stage.requiresLostReason && !str(event.doc.lost_reason)?.trim()) issues.push({ field: "lost_reason", message: `Give a lost reason to move the deal to ${stage.name}` });
    if (event.action === "update" && event.previous?.client && stage.type !== "Won") issues.push({ field: "status", message: `This deal was admitted as client ${String(event.previous.client)}; it stays won` });
  }
  if (issues.length) throw AppError.validation(issues);
  if (event.action === "update") await checkReassignment(scoped, { ownerField: "deal_owner", team: str(event.doc.team), previousTeam: str(event.previous?.team), owner: str(event.doc.deal_owner), ownerChanged: event.changed.includes("deal_owner"), teamChanged: event.changed.includes("team") });
  else if (!str(event.doc.deal_owner)) set.deal_owner = scoped.principal.user;
  if (!stage || !moved) return set;
  const now = nextTimestamp();
  set.status = stage.name;
  set.stage_changed_on = now;
  // The stage's probability, unless this write sets one of its own.
  if (!event.changed.includes("probability")) set.probability = stage.probability;
  // The move's log row: bookkeeping of this write (the deal's Version row audits the move itself).
  const since = event.action === "update" ? (event.previous?.stage_changed_on ?? event.previous?.creation) : null;
  await scoped.bookkeepingExecutor().insert(crmStageChanges).values({
    name: uuidv7(),
    deal: event.name,
    fromStage: event.action === "update" ? str(event.previous?.status) : null,
    toStage: stage.name,
    changedAt: now,
    secondsInPreviousStage: since ? secondsBetween(since, now) : null,
    dealOwner: str(event.doc.deal_owner) ?? (set.deal_owner as string | undefined) ?? null,
    team: str(event.doc.team),
    creation: now,
    modified: now,
    owner: scoped.principal.user,
    modifiedBy: scoped.principal.user,
  });
  return set;
}

/** A deal's stage history, oldest first (through the caller's scope). */
export async function stageHistory(scoped: ScopedDb, deal: string): Promise<Record<string, unknown>[]> {
  return scoped.list("CRM Deal Stage Change", { filters: [{ field: "deal", operator: "=", value: deal }], fields: ["name", "from_stage", "to_stage", "changed_at", "seconds_in_previous_stage", "owner"], orderBy: [{ field: "changed_at", direction: "asc" }], limit: 0 });
}
