import { z } from "zod";
import { protectedProcedure } from "../../trpc/procedures";
import { EXPORT_DOCTYPES, exportCsv, type ExportDoctype } from "./export";

const fieldname = z.string().regex(/^[a-z_][a-z0-9_]*$/, "not a field name").max(64);
const scalar = z.union([z.string().max(140), z.number(), z.null()]);

/** The CSV export procedure of the CRM router: any CRM list view, the caller's rows only. */
export const exportProcedures = {
  exportCsv: protectedProcedure
    .input(
      z.object({
        doctype: z.enum(EXPORT_DOCTYPES as [ExportDoctype, ...ExportDoctype[]]),
        filters: z.array(z.object({ field: fieldname, operator: z.enum(["=", "!=", "<", ">", "<=", ">=", "like", "in"]).default("="), value: z.union([scalar, z.array(z.union([z.string().max(140), z.number()])).max(100)]) })).max(10).optional(),
        fields: z.array(fieldname).min(1).max(50).optional(),
        search: z.string().trim().max(140).optional(),
        orderBy: z.array(z.object({ field: fieldname, direction: z.enum(["asc", "desc"]) })).max(3).optional(),
      }),
    )
    .output(z.object({ csv: z.string(), filename: z.string(), rows: z.number(), truncated: z.boolean() }))
    .query(({ ctx, input }) => exportCsv(ctx.scoped, input)),
};
