import { handleRestRequest } from "@orchestrator/modules/rest";

/**
 * Route handlers for the Frappe-compatible REST API: every method goes to the modules package's
 * one fetch handler, which routes /api/method/*, /api/resource/* and /api/openapi.json itself.
 */
export function restHandlers() {
  const handle = (req: Request): Promise<Response> => handleRestRequest(req);
  return { GET: handle, HEAD: handle, POST: handle, PUT: handle, PATCH: handle, DELETE: handle, OPTIONS: handle };
}
