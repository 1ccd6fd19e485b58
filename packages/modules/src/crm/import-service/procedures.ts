import { z } from "zod";
import { protectedProcedure } from "../../trpc/procedures";
import { confirmImport, previewImport } from "./import";

const target = z.enum(["leads", "contacts"]);
/** The text of the file (planImport refuses more than 5 MB or 5000 rows itself, with a clear message). */
const csv = z.string().min(1).max(5_000_000);
const issue = z.object({ row: z.number(), field: z.string(), problem: z.string() });
/** The team new leads join (a manager of several teams must choose one; ignored for contacts). */
const team = z.string().trim().min(1).max(140).optional();
const counts = z.object({ rows: z.number(), valid: z.number(), invalid: z.number(), duplicate: z.number() });

/** The CSV import procedures of the CRM router: a dry run, then the confirmed import of what was previewed. */
export const importProcedures = {
  importPreview: protectedProcedure
    .input(z.object({ target, csv, team }))
    .output(z.object({ target, token: z.string(), counts, issues: z.array(issue), duplicates: z.array(z.object({ row: z.number(), field: z.string(), kind: z.enum(["in_file", "existing"]), duplicateOfRow: z.number().optional(), existing: z.string().optional() })) }))
    .mutation(({ ctx, input }) => previewImport(ctx.scoped, input)),
  importConfirm: protectedProcedure
    .input(z.object({ target, csv, team, token: z.string().regex(/^[0-9a-f]{64}$/, "not an import token") }))
    .output(z.object({ target, imported: z.array(z.string()), counts: counts.extend({ imported: z.number(), refused: z.number() }), issues: z.array(issue) }))
    .mutation(({ ctx, input }) => confirmImport(ctx.scoped, input)),
};
