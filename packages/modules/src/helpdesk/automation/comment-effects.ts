import type { ScopedDb, ValidateEvent } from "@orchestrator/db";
import { applyMentions } from "./mentions";
import { queueAgentReply } from "./ticket-mail";

/**
 * What a new thread entry causes besides the ticket's own bookkeeping (called by the comment's
 * validate, in its transaction): an agent's reply is e-mailed to the customer; an internal note's
 * @mentions notify the users it names. Returns values for the comment (its `mentions`).
 */
export async function commentEffects(scoped: ScopedDb, ticket: Readonly<Record<string, unknown>> & { name: string }, event: ValidateEvent, source: string): Promise<Record<string, unknown>> {
  if (event.action !== "create") return {};
  if (event.doc.comment_type === "Reply" && source === "Agent") {
    await queueAgentReply(scoped, ticket, { name: event.name, content: String(event.doc.content ?? "") });
    return {};
  }
  if (event.doc.comment_type === "Internal Note") {
    const mentions = await applyMentions(scoped, ticket, event);
    return mentions.length ? { mentions } : {};
  }
  return {};
}
