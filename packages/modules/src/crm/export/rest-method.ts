import { AppError, AppErrorCode } from "@orchestrator/db";
import type { MethodContext } from "../../rest/methods";
import { parseFields, parseFilters } from "../../rest/params";
import { EXPORT_DOCTYPES, exportCsv, type ExportDoctype } from "./export";

/**
 * `GET /api/method/orchestrator.crm.export?doctype=CRM%20Lead&fields=[...]&filters=[...]`: a CRM list
 * view as a CSV download (text/csv, UTF-8 with BOM, Content-Disposition attachment). Only the caller's
 * rows, as the list shows them; `X-Export-Truncated: 1` when more than 10,000 rows matched.
 */
export async function exportMethod(ctx: MethodContext): Promise<Response> {
  if (!ctx.scoped) throw new AppError(AppErrorCode.Unauthenticated, "Not logged in");
  if (ctx.req.method !== "GET") throw AppError.validation([{ field: "method", message: "use GET" }]);
  const q = new URL(ctx.req.url).searchParams;
  const doctype = q.get("doctype") ?? "";
  if (!(EXPORT_DOCTYPES as string[]).includes(doctype)) throw AppError.validation([{ field: "doctype", message: `must be one of ${EXPORT_DOCTYPES.join(", ")}` }]);
  const fields = parseFields(q.get("fields"))?.filter((f) => f !== "*");
  const result = await exportCsv(ctx.scoped, { doctype: doctype as ExportDoctype, fields, filters: parseFilters("filters", q.get("filters"), doctype) });
  return new Response(result.csv, {
    status: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${result.filename}"`,
      "cache-control": "no-store",
      "x-export-rows": String(result.rows),
      ...(result.truncated ? { "x-export-truncated": "1" } : {}),
    },
  });
}

export const crmExportMethods: Record<string, (ctx: MethodContext) => Promise<Response>> = {
  "orchestrator.crm.export": exportMethod,
};
