import { z } from "zod";

/** The Redis pub/sub channel live updates travel on. */
export const LIVE_EVENTS_CHANNEL = "events";

/**
 * What a live event says: which document changed and how, plus the department and category the
 * access check needs. Never PHI: no names of people, no field values.
 */
export const liveEventSchema = z.object({
  doctype: z.enum(["Client", "Task", "HD Ticket"]),
  name: z.string().min(1).max(140),
  action: z.enum(["create", "update", "delete"]),
  /** The document's department; null only for a document without one (then only `all`-scope readers get it). */
  department: z.string().nullable(),
  category: z.enum(["client", "medical", "program", "helpdesk"]),
});
export type LiveEvent = z.infer<typeof liveEventSchema>;
