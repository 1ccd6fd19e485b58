import { z } from "zod";
import { isIsoDay, MAX_RANGE_DAYS, rangeDays } from "./range";

/**
 * `crm.dashboard`'s request and response. Days are UTC calendar days; money is reported in one
 * currency (`currency`), the others present among open deals are listed in `currencies`.
 */
const day = z.string().refine(isIsoDay, "Use a calendar date, YYYY-MM-DD");

export const crmDashboardInput = z
  .object({
    from: day,
    to: day,
    team: z.string().min(1).max(140).optional(),
    /** The currency of the money figures; default: the one most of the caller's open deals use. */
    currency: z.string().regex(/^[A-Z]{3}$/, "Use a three-letter currency code, e.g. USD").optional(),
  })
  .superRefine((v, ctx) => {
    if (!isIsoDay(v.from) || !isIsoDay(v.to)) return;
    if (v.from > v.to) ctx.addIssue({ code: "custom", path: ["to"], message: "To must not be before From" });
    else if (rangeDays(v.from, v.to) > MAX_RANGE_DAYS) ctx.addIssue({ code: "custom", path: ["from"], message: `Choose a range of at most ${MAX_RANGE_DAYS} days` });
  });
export type CrmDashboardInput = z.infer<typeof crmDashboardInput>;

const money = z.number();

export const crmDashboardOutput = z.object({
  from: z.string(),
  to: z.string(),
  team: z.string().nullable(),
  /** The teams the caller may narrow the dashboard to (their own; every team for a CRM-wide grant). */
  teams: z.array(z.string()),
  /** The currency of every money figure below (deals without a currency count as USD, as the pipeline board shows them). */
  currency: z.string(),
  /** Every currency among the caller's open deals, most deals first: the money figures only add up `currency`'s. */
  currencies: z.array(z.object({ currency: z.string(), deals: z.number(), amount: money })),
  /** Leads created in the range, by source; `converted`: those of them converted to a deal (by now). */
  leads: z.object({
    created: z.number(),
    converted: z.number(),
    /** converted ÷ created (0–1); null when no lead was created. */
    conversionRate: z.number().nullable(),
    bySource: z.array(z.object({ source: z.string().nullable(), created: z.number(), converted: z.number() })),
  }),
  /**
   * Open deals now (stages of type Open) in `currency`, per stage in pipeline order: the stage's
   * catalogue probability, deals, Σ amount and Σ amount × the deal's probability ÷ 100 (a deal takes
   * its stage's probability on each move unless one is set for it).
   */
  pipeline: z.object({
    deals: z.number(),
    amount: money,
    weighted: money,
    byStage: z.array(z.object({ stage: z.string(), probability: z.number(), deals: z.number(), amount: money, weighted: money })),
  }),
  /**
   * Deals closed in the range, in any currency: deals now in a Won or Lost stage that entered it in
   * the range (a reopened deal no longer counts), per day (ranges up to 31 days) or per week from
   * Monday; the average days from a deal's creation to its win, over the deals won in the range.
   */
  closed: z.object({
    granularity: z.enum(["day", "week"]),
    won: z.number(),
    lost: z.number(),
    avgDaysToClose: z.number().nullable(),
    series: z.array(z.object({ start: z.string(), won: z.number(), lost: z.number() })),
  }),
  /** The probability-weighted forecast of the open deals in `currency`, by expected close month (`YYYY-MM`; null: no date, last). */
  forecast: z.object({
    weighted: money,
    byMonth: z.array(z.object({ month: z.string().nullable(), deals: z.number(), amount: money, weighted: money })),
  }),
  generatedAt: z.string(),
});
export type CrmDashboard = z.infer<typeof crmDashboardOutput>;
