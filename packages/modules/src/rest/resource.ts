import { type ScopedDb } from "@orchestrator/db";
import { readBody } from "./body";
import { parseFields, parseFilters, parseIntParam, parseOrderBy } from "./params";
import { json } from "./respond";

/** `/api/resource/<DocType>[/<name>]`: Frappe's document API over the same scoped data layer as tRPC. */
export async function handleResource(req: Request, scoped: ScopedDb, doctype: string, name: string | undefined): Promise<Response> {
  scoped.doctype(doctype); // unknown DocType: 404 before anything else
  const url = new URL(req.url);
  const q = url.searchParams;
  if (name === undefined) {
    if (req.method === "GET") {
      const pageLength = q.get("limit_page_length") ?? q.get("limit");
      const data = await scoped.list(doctype, {
        fields: parseFields(q.get("fields")),
        filters: parseFilters("filters", q.get("filters"), doctype),
        orFilters: parseFilters("or_filters", q.get("or_filters"), doctype),
        orderBy: parseOrderBy(q.get("order_by")),
        start: parseIntParam("limit_start", q.get("limit_start"), 0),
        limit: parseIntParam("limit_page_length", pageLength, 20),
      });
      return json({ data });
    }
    if (req.method === "POST") return json({ data: await scoped.insert(doctype, await readBody(req)) });
    return json({ exc_type: "ValidationError", exception: "Method not allowed" }, 405, { allow: "GET, POST" });
  }
  switch (req.method) {
    case "GET":
      return json({ data: await scoped.get(doctype, name) });
    case "PUT":
      return json({ data: await scoped.update(doctype, name, await readBody(req)) });
    case "DELETE":
      await scoped.delete(doctype, name);
      return json({ message: "ok" });
    default:
      return json({ exc_type: "ValidationError", exception: "Method not allowed" }, 405, { allow: "GET, PUT, DELETE" });
  }
}
