import { z } from "zod";
import { protectedProcedure } from "../../trpc/procedures";
import { isTimeZone } from "./day";
import { markNotificationsRead, myDay } from "./my-day";

const doc = z.record(z.string(), z.unknown());

/** The follow-up procedures of the CRM router. */
export const reminderProcedures = {
  /** The caller's open tasks due today and overdue, and their unread reminders ("my day"). */
  myDay: protectedProcedure
    .input(z.object({ timeZone: z.string().max(64).refine(isTimeZone, "not a time zone").optional() }).optional())
    .output(z.object({ overdue: z.array(doc), today: z.array(doc), notifications: z.array(doc) }))
    .query(({ ctx, input }) => myDay(ctx.scoped, { timeZone: input?.timeZone })),

  /** Marks the caller's reminders (`CRM Notification` names) read. */
  markNotificationsRead: protectedProcedure
    .input(z.object({ names: z.array(z.string().min(1).max(140)).min(1).max(200) }))
    .output(z.object({ marked: z.number() }))
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.scoped, input.names)),
};
