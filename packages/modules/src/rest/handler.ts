import { randomUUID } from "node:crypto";
import { authenticateRequest } from "@orchestrator/auth";
import { AppError, AppErrorCode, createScopedDb, type Principal, type ScopedDb } from "@orchestrator/db";
import { registry } from "../registry";
import { clientIp } from "../http/request-meta";
import { methods } from "./methods";
import { openApiDocument } from "./openapi";
import { handleResource } from "./resource";
import { errorResponse, json } from "./respond";

/**
 * Methods that work signed out. Everything else needs a session or an API token (401 otherwise). A
 * webhook authenticates by the signature of its body instead.
 */
const publicMethods = new Set(["login", "logout", "orchestrator.sync.receive_webhook"]);

/**
 * The Frappe-compatible REST API as one fetch handler: `/api/method/*`, `/api/resource/*` and
 * `/api/openapi.json`. Mounted by the web app's route handlers; tests serve it with a plain HTTP server.
 */
export async function handleRestRequest(req: Request): Promise<Response> {
  const requestId = req.headers.get("x-request-id") ?? randomUUID();
  const ip = clientIp(req);
  try {
    const url = new URL(req.url);
    const path = url.pathname.replace(/\/+$/, "");
    if (path === "/api/openapi.json") return json(openApiDocument(url.origin));

    let principal: Principal | null = null;
    let sid: string | undefined;
    let authFailure: unknown = null;
    try {
      const auth = await authenticateRequest(req);
      principal = auth?.principal ?? null;
      sid = auth?.sid;
    } catch (error) {
      authFailure = error;
    }
    const scoped: ScopedDb | null = principal ? createScopedDb(principal, { requestId, ip }, registry) : null;
    const secureCookies = (req.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "")) === "https";

    const methodMatch = /^\/api\/method\/([A-Za-z0-9_.]+)$/.exec(path);
    if (methodMatch) {
      const name = methodMatch[1]!;
      const method = methods[name];
      if (!method) throw new AppError(AppErrorCode.NotFound, `Method ${name} not found`);
      if (!publicMethods.has(name) && authFailure) throw authFailure;
      return withRequestId(await method({ req, principal, scoped, sid, ip, secureCookies }), requestId);
    }

    const resourceMatch = /^\/api\/resource\/([^/]+)(?:\/(.+))?$/.exec(path);
    if (resourceMatch) {
      if (authFailure) throw authFailure;
      if (!scoped) throw new AppError(AppErrorCode.Unauthenticated, "Not logged in");
      const doctype = decodeURIComponent(resourceMatch[1]!);
      const name = resourceMatch[2] === undefined ? undefined : decodeURIComponent(resourceMatch[2]);
      return withRequestId(await handleResource(req, scoped, doctype, name), requestId);
    }
    throw new AppError(AppErrorCode.NotFound, "Not found");
  } catch (error) {
    return errorResponse(error, requestId);
  }
}

function withRequestId(res: Response, requestId: string): Response {
  res.headers.set("x-request-id", requestId);
  return res;
}
