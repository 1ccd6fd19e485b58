import { asc, eq } from "drizzle-orm";
import { formatTimestamp } from "@orchestrator/db";
import { schema, type Database } from "@orchestrator/db/system";

/**
 * Moves demo records into the past after they were written through the scoped layer (validated,
 * assigned, audited) at the real time. Seed and test code only. The helpdesk demo's `withClock`
 * cannot do this here: the CRM demo is seeded after other modules' data in the same process, and
 * `nextTimestamp` never issues a time earlier than one it issued before, so a moved clock would
 * still stamp "now". Version (audit) rows keep the real time of the writes.
 */
export const stamp = (ms: number) => formatTimestamp(BigInt(Math.round(ms)) * 1000n);

export async function backdateLead(db: Database, name: string, created: number, convertedOn?: number): Promise<void> {
  await db.update(schema.crmLeads).set({ creation: stamp(created), ...(convertedOn === undefined ? {} : { convertedOn: stamp(convertedOn) }) }).where(eq(schema.crmLeads.name, name));
}

/**
 * A deal's creation and stage moves at `times` (ms, oldest first: its creation, then each move, one
 * per stage-change row); `stage_changed_on` becomes the last and each move's time in stage follows.
 */
export async function backdateDeal(db: Database, name: string, times: readonly number[]): Promise<void> {
  const changes = await db.select({ name: schema.crmStageChanges.name }).from(schema.crmStageChanges).where(eq(schema.crmStageChanges.deal, name)).orderBy(asc(schema.crmStageChanges.changedAt));
  if (changes.length !== times.length) throw new Error(`deal ${name} has ${changes.length} stage changes, ${times.length} times given`);
  for (const [i, change] of changes.entries()) {
    const at = stamp(times[i]!);
    const previous = times[i - 1];
    await db.update(schema.crmStageChanges).set({ changedAt: at, creation: at, modified: at, secondsInPreviousStage: previous === undefined ? null : Math.round((times[i]! - previous) / 1000) }).where(eq(schema.crmStageChanges.name, change.name));
  }
  await db.update(schema.crmDeals).set({ creation: stamp(times[0]!), stageChangedOn: stamp(times.at(-1)!) }).where(eq(schema.crmDeals.name, name));
}
