import type { RouterInputs, RouterOutputs } from "@orchestrator/modules";

/** The settings API's shapes, named once for the editors. */
type Settings = RouterInputs["helpdeskSettings"];
type SettingsOut = RouterOutputs["helpdeskSettings"];

export type SlaDraft = Omit<Settings["sla"]["save"], "modified">;
export type SlaDoc = SettingsOut["sla"]["get"];
export type Calendar = SlaDraft["calendar"];
export type Condition = SlaDraft["conditions"][number];
export type PriorityTarget = SlaDraft["priorities"][number];
export type EscalationDraft = Omit<Settings["escalation"]["save"], "modified">;
export type EscalationDoc = SettingsOut["escalation"]["get"];
export type Level = EscalationDraft["levels"][number];
export type TeamDraft = Omit<Settings["teams"]["save"], "modified">;
export type TeamDoc = SettingsOut["teams"]["get"];
export type AssignmentRule = NonNullable<TeamDraft["assignment_rule"]>;
export type AgentDraft = Omit<Settings["agents"]["save"], "modified">;
export type AgentDoc = SettingsOut["agents"]["get"];
export type SettingsOptions = SettingsOut["options"];
export type Option = SettingsOptions["users"][number];
