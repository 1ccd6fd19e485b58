import type { ScopedDb } from "@orchestrator/db";
import { agentAvailabilities } from "@orchestrator/db/schema";
import { deleteDoc, saveDoc } from "./save-doc";
import type { AgentDoc, AgentInput } from "./schemas";
import { check, flag, intOrNull, str, strOrNull, stringList, type Row } from "./values";

export const AGENT = "HD Agent";

const availabilityOf = (v: unknown): AgentDoc["availability"] => agentAvailabilities.find((a) => a === v) ?? "Active";
const fields = ["name", "user", "agent_name", "availability", "skills", "max_open", "is_active", "modified"];

function toAgent(doc: Row): AgentDoc {
  return {
    name: str(doc.name),
    modified: str(doc.modified),
    user: str(doc.user),
    agent_name: strOrNull(doc.agent_name),
    availability: availabilityOf(doc.availability),
    skills: stringList(doc.skills),
    max_open: intOrNull(doc.max_open),
    is_active: flag(doc.is_active),
  };
}

export async function listAgents(scoped: ScopedDb): Promise<AgentDoc[]> {
  const rows = await scoped.list(AGENT, { fields, orderBy: [{ field: "agent_name", direction: "asc" }], limit: 0 });
  return rows.map(toAgent);
}

export async function getAgent(scoped: ScopedDb, name: string): Promise<AgentDoc> {
  return toAgent(await scoped.get(AGENT, name));
}

export async function saveAgent(scoped: ScopedDb, input: AgentInput): Promise<AgentDoc> {
  const body: Record<string, unknown> = {
    agent_name: input.agent_name?.trim() || null,
    availability: input.availability,
    skills: [...new Set(input.skills.map((s) => s.trim()).filter(Boolean))],
    max_open: input.max_open,
    is_active: check(input.is_active),
  };
  // The agent is named by its user: set once, on create.
  if (input.modified === undefined) body.user = input.user;
  return toAgent(await saveDoc(scoped, { doctype: AGENT, name: input.user, modified: input.modified, nameField: "user", label: "An agent for this user" }, body));
}

export async function deleteAgent(scoped: ScopedDb, name: string) {
  return deleteDoc(scoped, AGENT, name);
}
