import { z } from "zod";
import { protectedProcedure } from "../../trpc/procedures";
import { timeline } from "../timeline/timeline";
import { timelineEntrySchema } from "../timeline/entry";
import { COMMS_DOCTYPES } from "./record-context";
import { previewEmail, sendEmail } from "./send-email";
import { placeCall, sendSms } from "./send-sms";

const doc = z.record(z.string(), z.unknown());
const record = { doctype: z.enum(COMMS_DOCTYPES), name: z.string().min(1).max(140) };
// Lengths are the service's business (field errors with its wording); these only bound the request.
const to = z.string().max(320).optional();
const email = z.object({ ...record, to, template: z.string().min(1).max(140).optional(), subject: z.string().max(2_000).optional(), body: z.string().max(100_000).optional() });

/** Sending from a lead or deal, and its timeline (the CRM router spreads these in). */
export const commsProcedures = {
  /** The e-mail `sendEmail` would send (template and merge fields rendered, recipient defaulted); writes nothing. */
  previewEmail: protectedProcedure
    .input(email)
    .output(z.object({ to: z.string(), subject: z.string(), body: z.string() }))
    // A POST, though it writes nothing: a body of up to 100,000 characters does not fit in a GET's URL.
    .mutation(({ ctx, input }) => previewEmail(ctx.scoped, input)),

  /** Queues the e-mail in the outbox and records it as a Communication (Sent), in one transaction; a New lead becomes Contacted. */
  sendEmail: protectedProcedure
    .input(email)
    .output(z.object({ communication: doc }))
    .mutation(({ ctx, input }) => sendEmail(ctx.scoped, input)),

  /** Texts the lead or the deal's contact (at most once: no retry after a timeout); returns the CRM SMS Log. */
  sendSms: protectedProcedure
    .input(z.object({ ...record, to, body: z.string().max(5_000) }))
    .output(doc)
    .mutation(({ ctx, input }) => sendSms(ctx.scoped, input)),

  /** Calls the lead or the deal's contact through the provider; returns the CRM Call Log. */
  placeCall: protectedProcedure
    .input(z.object({ ...record, to }))
    .output(doc)
    .mutation(({ ctx, input }) => placeCall(ctx.scoped, input)),

  /** The record's history, oldest first (a deal's includes its lead's). */
  timeline: protectedProcedure
    .input(z.object(record))
    .output(z.object({ entries: z.array(timelineEntrySchema) }))
    .query(({ ctx, input }) => timeline(ctx.scoped, input)),
};
