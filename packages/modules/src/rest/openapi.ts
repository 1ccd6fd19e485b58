import type { FieldDef } from "@orchestrator/db";
import { registry } from "../registry";

type Schema = Record<string, unknown>;

function fieldSchema(field: FieldDef): Schema {
  const base: Schema = { description: field.label };
  switch (field.type) {
    case "int": return { ...base, type: "integer" };
    case "currency": return { ...base, type: "number" };
    case "check": return { ...base, type: "integer", enum: [0, 1] };
    case "date": return { ...base, type: "string", format: "date" };
    case "datetime": return { ...base, type: "string", example: "2026-11-24 14:15:21.123456" };
    case "select": return { ...base, type: "string", enum: field.options };
    case "json": return { ...base };
    default: return { ...base, type: "string", maxLength: field.maxLength ?? (field.type === "text" ? 65535 : 140) };
  }
}

const errorRef = { $ref: "#/components/schemas/FrappeError" };
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), { description: { 401: "Not authenticated", 403: "Not permitted", 404: "Not found (or not in your scope)", 409: "Conflict: stale `modified` or duplicate", 413: "Body over 1 MiB", 417: "Validation error, one message per field", 429: "Too many attempts" }[c] ?? "Error", content: { "application/json": { schema: errorRef } } }]));

const listParams = [
  { name: "fields", in: "query", schema: { type: "string" }, description: 'JSON list, e.g. ["name","status"] or ["*"]' },
  { name: "filters", in: "query", schema: { type: "string" }, description: 'JSON: [["status","=","active"]] or {"status":"active"}' },
  { name: "or_filters", in: "query", schema: { type: "string" } },
  { name: "order_by", in: "query", schema: { type: "string" }, description: "e.g. modified desc" },
  { name: "limit_start", in: "query", schema: { type: "integer", minimum: 0 } },
  { name: "limit_page_length", in: "query", schema: { type: "integer", minimum: 0 }, description: "0 = all; alias `limit`; default 20" },
];

/** The OpenAPI 3.1 description of the REST API, generated from the DocType registry. */
export function openApiDocument(origin: string): Schema {
  const schemas: Record<string, Schema> = {
    FrappeError: { type: "object", properties: { exc_type: { type: "string" }, exception: { type: "string" }, _server_messages: { type: "string" }, fields: { type: "array", items: { type: "object", properties: { field: { type: "string" }, message: { type: "string" } } } } } },
  };
  const paths: Record<string, Schema> = {};
  for (const dt of registry.all()) {
    const key = dt.name.replace(/\s+/g, "");
    const properties: Record<string, Schema> = { name: { type: "string" }, modified: { type: "string" }, creation: { type: "string" }, owner: { type: "string" }, modified_by: { type: "string" } };
    for (const [f, def] of Object.entries(dt.fields)) if (!def.hidden) properties[f] = { ...fieldSchema(def), ...(def.readOnly ? { readOnly: true } : {}) };
    for (const [f, child] of Object.entries(dt.children ?? {})) {
      const childProps: Record<string, Schema> = { name: { type: "string" }, idx: { type: "integer" } };
      for (const [cf, cdef] of Object.entries(child.fields)) childProps[cf] = fieldSchema(cdef);
      properties[f] = { type: "array", items: { type: "object", properties: childProps }, description: `${child.doctype} rows (present only with ${child.category} read access)` };
    }
    schemas[key] = { type: "object", properties, required: Object.entries(dt.fields).filter(([, d]) => d.required).map(([f]) => f) };
    const ref = { $ref: `#/components/schemas/${key}` };
    const one = { "200": { description: "The document", content: { "application/json": { schema: { type: "object", properties: { data: ref } } } } } };
    const base = `/api/resource/${encodeURIComponent(dt.name)}`;
    paths[base] = {
      get: { tags: [dt.name], summary: `List ${dt.name}`, parameters: listParams, responses: { "200": { description: "Rows in your scope", content: { "application/json": { schema: { type: "object", properties: { data: { type: "array", items: ref } } } } } }, ...errors(401, 403, 417) } },
      ...(dt.readOnly ? {} : { post: { tags: [dt.name], summary: `Create ${dt.name}`, requestBody: { content: { "application/json": { schema: ref } } }, responses: { ...one, ...errors(401, 403, 409, 413, 417) } } }),
    };
    paths[`${base}/{name}`] = {
      parameters: [{ name: "name", in: "path", required: true, schema: { type: "string" } }],
      get: { tags: [dt.name], summary: `Get ${dt.name}`, responses: { ...one, ...errors(401, 404) } },
      ...(dt.readOnly ? {} : {
        put: { tags: [dt.name], summary: `Update ${dt.name} (send \`modified\` to guard against overwriting)`, requestBody: { content: { "application/json": { schema: ref } } }, responses: { ...one, ...errors(401, 403, 404, 409, 413, 417) } },
        delete: { tags: [dt.name], summary: `Delete ${dt.name}`, responses: { "200": { description: '{"message":"ok"}' }, ...errors(401, 403, 404) } },
      }),
    };
  }
  const method = (summary: string, extra: Schema = {}) => ({ tags: ["Methods"], summary, responses: { "200": { description: "`{message: ...}`" }, ...errors(401, 417, 429) }, ...extra });
  paths["/api/method/login"] = { post: method("Sign in with {usr, pwd}; sets the `sid` cookie", { security: [] }) };
  paths["/api/method/logout"] = { post: method("End the session") };
  paths["/api/method/frappe.auth.get_logged_user"] = { get: method("The signed-in user's email") };
  paths["/api/method/frappe.client.get_count"] = { get: method("Count documents in your scope", { parameters: [{ name: "doctype", in: "query", required: true, schema: { type: "string" } }, listParams[1]] }) };
  paths["/api/method/orchestrator.auth.generate_api_keys"] = { post: method("Generate an API key pair (secret shown once)") };
  paths["/api/method/orchestrator.clients.activate_template"] = { post: method("Activate a medical template for a client ({client, template}); tasks follow from the worker") };
  paths["/api/method/orchestrator.crm.get_client_summary"] = { get: method("Client summary", { parameters: [{ name: "client_id", in: "query", required: true, schema: { type: "string" } }] }) };
  paths["/api/method/orchestrator.crm.export"] = {
    get: {
      ...method("A CRM list view as CSV (your rows only, at most 10,000; `X-Export-Truncated: 1` when cut)", {
        parameters: [
          { name: "doctype", in: "query", required: true, schema: { type: "string", enum: ["CRM Lead", "CRM Deal", "CRM Organization", "CRM Task"] } },
          { name: "fields", in: "query", schema: { type: "string" }, description: "JSON list of field names (default: the list view's columns)" },
          listParams[1],
        ],
      }),
      responses: { "200": { description: "text/csv attachment (UTF-8 with BOM)", content: { "text/csv": { schema: { type: "string" } } } }, ...errors(401, 417) },
    },
  };
  paths["/api/method/orchestrator.sync.sync_kipu_clients"] = {
    post: method('Run a Kipu sync ({sync_type: "full" | "incremental", dry_run, timeout?}); Super Admin or Integration. 200 {imported, updated, skipped, errors, run, status} when it finished within the timeout, 202 with the run otherwise'),
  };
  paths["/api/method/orchestrator.sync.get_sync_run"] = {
    get: method("A sync run with its per-client changes (before-images, fields changed, errors)", {
      parameters: [
        { name: "run", in: "query", required: true, schema: { type: "string" } },
        { name: "action", in: "query", schema: { type: "string", enum: ["create", "update", "remove", "conflict", "duplicate", "error"] } },
        { name: "limit", in: "query", schema: { type: "integer", minimum: 0, maximum: 5000 } },
        { name: "start", in: "query", schema: { type: "integer", minimum: 0 } },
      ],
    }),
  };
  paths["/api/method/orchestrator.sync.rollback_sync_run"] = { post: method("Roll back a finished sync run ({run}); what changed again since is kept and reported") };
  paths["/api/method/orchestrator.sync.receive_webhook"] = {
    post: method("A webhook source pushes records ({records: [...]}); authenticated by X-Signature: sha256=<HMAC-SHA256 of the raw body>", {
      parameters: [{ name: "source", in: "query", required: true, schema: { type: "string" } }],
      security: [],
    }),
  };
  paths["/api/method/orchestrator.crm.sms_status"] = {
    post: {
      ...method("SMS provider status callback for a CRM text or call (Twilio form body): verified by X-Twilio-Signature over SMS_STATUS_CALLBACK_URL with the request's query, then the CRM SMS/Call Log is moved forward (never backwards; idempotent). 200 {log, status, changed}", { security: [] }),
      responses: { "200": { description: "`{message: {log, status, changed}}`" }, ...errors(403, 417) },
    },
  };
  const address = { type: "string", format: "email", maxLength: 140 };
  paths["/api/method/orchestrator.helpdesk.receive_email"] = {
    post: method("Inbound e-mail: creates a ticket (new contact for an unknown sender) or threads a reply by In-Reply-To/References onto the sender's own ticket; idempotent by message_id. Authenticated by X-Signature: sha256=<HMAC-SHA256 of the raw body> (HELPDESK_INBOUND_EMAIL_SECRET). 200 {ticket, comment, action: created|replied|duplicate}. Replies to CRM e-mails and mail to CRM_INBOUND_ADDRESSES go to the CRM instead: 200 {ticket: null, comment: null, action, crm: {doctype, name, communication, action: threaded|attached|lead_created|duplicate}}", {
      security: [],
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: {
              type: "object",
              required: ["message_id", "from", "to"],
              properties: {
                message_id: { type: "string", maxLength: 255, example: "<c4f1@mail.acme.example>" },
                in_reply_to: { type: "string", maxLength: 255 },
                references: { type: "array", items: { type: "string" }, maxItems: 100 },
                from: { type: "object", required: ["email"], properties: { email: address, name: { type: "string", maxLength: 140 } } },
                to: { type: "array", items: address, minItems: 1, maxItems: 50 },
                cc: { type: "array", items: address, maxItems: 50 },
                subject: { type: "string", maxLength: 998 },
                text: { type: "string", description: "Plain-text body (text or html is required)" },
                html: { type: "string" },
                date: { type: "string", format: "date-time" },
              },
            },
          },
        },
      },
    }),
  };
  return {
    openapi: "3.1.0",
    info: { title: "Orchestrator REST API (Frappe-compatible)", version: "1.0.0" },
    servers: [{ url: origin }],
    security: [{ token: [] }, { session: [] }],
    components: {
      securitySchemes: { token: { type: "apiKey", in: "header", name: "Authorization", description: "token <api_key>:<api_secret>" }, session: { type: "apiKey", in: "cookie", name: "sid" } },
      schemas,
    },
    paths,
  };
}
