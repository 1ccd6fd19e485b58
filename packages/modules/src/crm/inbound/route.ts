import type { Executor } from "@orchestrator/db";
import { emailMessages } from "@orchestrator/db/schema";
import { eq, inArray } from "drizzle-orm";
import type { InboundEmail } from "../../helpdesk/inbound/payload";
import { answeredIds } from "../../helpdesk/inbound/threading";
import { COMMS_DOCTYPES, type CommsDoctype } from "../comms/record-context";

export type InboundRoute = { to: "crm"; thread: { doctype: CommsDoctype; name: string } | null } | { to: "helpdesk" };

const isCrm = (doctype: string): doctype is CommsDoctype => (COMMS_DOCTYPES as readonly string[]).includes(doctype);

/**
 * Where a received e-mail goes, in front of the helpdesk:
 * 1. a Message-ID seen before goes where it went (a redelivery gets the same answer);
 * 2. a reply goes where its thread is: the first of In-Reply-To, then References (newest first) that
 *    is a message of ours — on a CRM Lead or Deal: the CRM; on anything else (a ticket): the helpdesk;
 * 3. mail to or copied to one of CRM_INBOUND_ADDRESSES: the CRM;
 * 4. everything else: the helpdesk, as before.
 */
export async function routeInbound(exec: Executor, email: InboundEmail, crmAddresses: readonly string[]): Promise<InboundRoute> {
  const m = emailMessages;
  const [seen] = await exec.select({ doctype: m.referenceDoctype }).from(m).where(eq(m.messageId, email.message_id)).limit(1);
  if (seen) return isCrm(seen.doctype) ? { to: "crm", thread: null } : { to: "helpdesk" };
  const ids = answeredIds(email.in_reply_to, email.references);
  if (ids.length) {
    const rows = await exec.select({ id: m.messageId, doctype: m.referenceDoctype, name: m.referenceName }).from(m).where(inArray(m.messageId, ids));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const first = ids.map((id) => byId.get(id)).find((r) => r !== undefined);
    if (first) return isCrm(first.doctype) ? { to: "crm", thread: { doctype: first.doctype, name: first.name } } : { to: "helpdesk" };
  }
  const wanted = new Set(crmAddresses);
  return [...email.to, ...(email.cc ?? [])].some((a) => wanted.has(a.toLowerCase())) ? { to: "crm", thread: null } : { to: "helpdesk" };
}
