import { FRAPPE_SESSION_COOKIE, generateApiKeys, login, logout, sessionMaxAgeSeconds } from "@orchestrator/auth";
import { AppError, AppErrorCode, isSuperAdmin, type Principal, type ScopedDb } from "@orchestrator/db";
import { getClientSummary } from "../clients/service";
import { activateTemplate } from "../clients/activate-template";
import { readBody } from "./body";
import { parseFilters } from "./params";
import { json } from "./respond";
import { syncMethods } from "./sync-methods";
import { helpdeskEmailMethods } from "../helpdesk/inbound/rest-method";
import { crmExportMethods } from "../crm/export/rest-method";
import { crmCommsMethods } from "../crm/comms/rest-method";

export interface MethodContext {
  req: Request;
  principal: Principal | null;
  scoped: ScopedDb | null;
  sid: string | undefined;
  ip: string | undefined;
  secureCookies: boolean;
}

function requireUser(ctx: MethodContext): { principal: Principal; scoped: ScopedDb } {
  if (!ctx.principal || !ctx.scoped) throw new AppError(AppErrorCode.Unauthenticated, "Not logged in");
  return { principal: ctx.principal, scoped: ctx.scoped };
}

function sessionCookie(value: string, maxAge: number, secure: boolean): string {
  return `${FRAPPE_SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure ? "; Secure" : ""}`;
}

async function params(ctx: MethodContext): Promise<Record<string, unknown>> {
  const query = Object.fromEntries(new URL(ctx.req.url).searchParams);
  return ctx.req.method === "GET" ? query : { ...query, ...(await readBody(ctx.req)) };
}

/** Whitelisted methods under `/api/method/<dotted.name>`, as Frappe exposes them. */
export const methods: Record<string, (ctx: MethodContext) => Promise<Response>> = {
  async login(ctx) {
    const p = await params(ctx);
    const usr = typeof p.usr === "string" ? p.usr : "";
    const pwd = typeof p.pwd === "string" ? p.pwd : "";
    if (!usr || !pwd) throw AppError.validation([...(usr ? [] : [{ field: "usr", message: "is required" }]), ...(pwd ? [] : [{ field: "pwd", message: "is required" }])]);
    const result = await login({ email: usr, password: pwd, ip: ctx.ip, userAgent: ctx.req.headers.get("user-agent") ?? undefined });
    return json({ message: "Logged In", home_page: "/clients", full_name: result.user.fullName }, 200, { "set-cookie": sessionCookie(result.sid, sessionMaxAgeSeconds(), ctx.secureCookies) });
  },

  async logout(ctx) {
    if (ctx.sid) await logout(ctx.sid);
    return json({}, 200, { "set-cookie": sessionCookie("", 0, ctx.secureCookies) });
  },

  async "frappe.auth.get_logged_user"(ctx) {
    return json({ message: requireUser(ctx).principal.user });
  },

  async "frappe.client.get_count"(ctx) {
    const { scoped } = requireUser(ctx);
    const q = new URL(ctx.req.url).searchParams;
    const doctype = q.get("doctype");
    if (!doctype) throw AppError.validation([{ field: "doctype", message: "is required" }]);
    const filters = parseFilters("filters", q.get("filters"), doctype);
    return json({ message: await scoped.count(doctype, { filters }) });
  },

  /** Generates an API key pair for the session user (a Super Admin may name another `user`). */
  async "orchestrator.auth.generate_api_keys"(ctx) {
    const { principal } = requireUser(ctx);
    if (ctx.req.method !== "POST") throw AppError.validation([{ field: "method", message: "use POST" }]);
    const p = await params(ctx);
    const target = typeof p.user === "string" && p.user ? p.user : principal.user;
    if (target !== principal.user && !isSuperAdmin(principal)) throw AppError.forbidden("Only a Super Admin may generate keys for another user");
    return json({ message: await generateApiKeys(target, typeof p.label === "string" ? p.label : "REST") });
  },

  /** Activates a medical template for a client; the worker generates its tasks (idempotent). */
  async "orchestrator.clients.activate_template"(ctx) {
    const { scoped } = requireUser(ctx);
    if (ctx.req.method !== "POST") throw AppError.validation([{ field: "method", message: "use POST" }]);
    const p = await params(ctx);
    const issues = (["client", "template"] as const).filter((k) => typeof p[k] !== "string" || !p[k]).map((k) => ({ field: k, message: "is required" }));
    if (issues.length) throw AppError.validation(issues);
    return json({ message: await activateTemplate(scoped, { client: String(p.client), template: String(p.template) }) });
  },

  async "orchestrator.crm.get_client_summary"(ctx) {
    const { scoped } = requireUser(ctx);
    const clientId = new URL(ctx.req.url).searchParams.get("client_id");
    if (!clientId) throw AppError.validation([{ field: "client_id", message: "is required" }]);
    return json({ message: await getClientSummary(scoped, clientId) });
  },

  ...syncMethods,
  ...helpdeskEmailMethods,
  ...crmExportMethods,
  ...crmCommsMethods,
};
