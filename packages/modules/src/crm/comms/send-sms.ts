import { AppError, AppErrorCode, type Doc, type ScopedDb } from "@orchestrator/db";
import { str } from "../hooks/person-fields";
import { commsDeps, statusCallbackUrlFor, type CommsDeps } from "./deps";
import { applyProviderReport, LOG_DOCTYPE, type LogKind } from "./log-status";
import type { ProviderReceipt } from "./provider";
import { defaultPhone, loadRecordContext, type CommsDoctype, type RecordContext } from "./record-context";
import { checkSmsInput, toE164 } from "./validate";

export interface SmsFromRecordInput {
  doctype: CommsDoctype;
  name: string;
  /** Default: the lead's mobile (else phone), or the deal contact's primary phone. */
  to?: string | undefined;
  body: string;
}

export interface CallFromRecordInput {
  doctype: CommsDoctype;
  name: string;
  to?: string | undefined;
}

function recipient(context: RecordContext, given: string | undefined): string {
  const to = given?.trim() || defaultPhone(context);
  if (!to) throw AppError.validation([{ field: "to", message: `${context.doctype === "CRM Lead" ? "The lead" : "The deal's contact"} has no phone number: give one` }]);
  return to;
}

/**
 * The at-most-once send shared by texts and calls: the log is written and committed first (Queued /
 * Initiated), then the provider is asked once — never retried after a timeout or a dropped connection
 * (see README.md: a text sent twice is worse than one reported as failed) — then the log gets the
 * provider's id and first status. If the provider refuses, the log is marked Failed and the error (a
 * field error for our input, e.g. Twilio 21211 under `to`) goes back to the caller.
 */
async function sendOnce(scoped: ScopedDb, kind: LogKind, values: Record<string, unknown>, deps: CommsDeps, send: (statusCallbackUrl: string | undefined) => Promise<ProviderReceipt>): Promise<Doc> {
  const log = await scoped.insert(LOG_DOCTYPE[kind], { ...values, direction: "Outgoing", from: deps.from ?? null, agent: scoped.principal.user });
  let receipt: ProviderReceipt;
  try {
    receipt = await send(statusCallbackUrlFor(deps.statusCallbackUrl, log.name));
  } catch (error) {
    await applyProviderReport(scoped, kind, log.name, { providerStatus: "failed" });
    throw error;
  }
  return (await applyProviderReport(scoped, kind, log.name, { providerId: receipt.sid, providerStatus: receipt.status })).log;
}

/**
 * Texts the person behind a lead or deal. The record must be the caller's to read (NOT FOUND), the
 * number dialable (E.164, under `to`) and the body 1–1600 characters (under `body`), else nothing is
 * written; then the CRM SMS Log (Outgoing, the body with it, never in a log line) and the one send.
 */
export async function sendSms(scoped: ScopedDb, input: SmsFromRecordInput, deps: CommsDeps = commsDeps()): Promise<Doc> {
  const context = await loadRecordContext(scoped, input.doctype, input.name);
  const { to, body } = checkSmsInput({ to: recipient(context, input.to), body: input.body });
  const values = { to, body, status: "Queued", reference_doctype: input.doctype, reference_docname: input.name, team: str(context.record.team) };
  return sendOnce(scoped, "sms", values, deps, (statusCallbackUrl) => deps.provider.sendSms({ to, body, statusCallbackUrl }));
}

/**
 * Calls the person behind a lead or deal through the provider (click to call): checks as `sendSms`,
 * then a CRM Call Log (Outgoing, Initiated) and the one call, which runs CRM_CALL_TWIML_URL once answered.
 */
export async function placeCall(scoped: ScopedDb, input: CallFromRecordInput, deps: CommsDeps = commsDeps()): Promise<Doc> {
  const context = await loadRecordContext(scoped, input.doctype, input.name);
  const to = toE164(recipient(context, input.to), "to");
  if (deps.provider.name !== "log" && !deps.callTwimlUrl) throw new AppError(AppErrorCode.Internal, "Calls are not configured on this server: set CRM_CALL_TWIML_URL");
  const values = { to, status: "Initiated", reference_doctype: input.doctype, reference_docname: input.name, team: str(context.record.team) };
  return sendOnce(scoped, "call", values, deps, (statusCallbackUrl) => deps.provider.placeCall({ to, twimlUrl: deps.callTwimlUrl, statusCallbackUrl }));
}
