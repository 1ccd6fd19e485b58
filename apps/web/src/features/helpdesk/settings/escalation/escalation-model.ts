import type { EscalationDoc, EscalationDraft, Level } from "../types";

/** A level in the editor: its row plus a key that follows it when levels are reordered. */
export type LevelDraft = Level & { key: string };
export type EscalationForm = Omit<EscalationDraft, "levels"> & { levels: LevelDraft[] };

let counter = 0;
const newKey = () => `new-${++counter}`;

export function newLevel(previous: Level | undefined): LevelDraft {
  return {
    key: newKey(),
    trigger_clock: previous?.trigger_clock ?? "response",
    // A new level fires after the one before it: breached after a percent level.
    trigger_percent: previous ? null : 75,
    notify_assignee: !previous,
    notify_team_lead: Boolean(previous),
    notify_user: null,
    notify_email: false,
    reassign_team: null,
    reassign_agent: null,
    raise_priority: null,
  };
}

export function newEscalationForm(): EscalationForm {
  return { name: "", description: null, enabled: true, conditions: [], levels: [newLevel(undefined)] };
}

export function escalationFormFrom(doc: EscalationDoc): EscalationForm {
  return { name: doc.name, description: doc.description, enabled: doc.enabled, conditions: doc.conditions, levels: doc.levels.map((l) => ({ ...l, key: l.name })) };
}

/** The form as the API takes it: levels in the order shown, without the editor's keys. */
export function escalationInput(form: EscalationForm): EscalationDraft {
  return { ...form, levels: form.levels.map(({ key: _key, ...level }) => level) };
}

export function moveLevel(levels: LevelDraft[], from: number, to: number): LevelDraft[] {
  if (to < 0 || to >= levels.length) return levels;
  const next = [...levels];
  const [moved] = next.splice(from, 1);
  if (moved) next.splice(to, 0, moved);
  return next;
}
