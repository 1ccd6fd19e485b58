import { AppError, type FieldIssue } from "@orchestrator/db";

/**
 * Merge fields for e-mail and SMS templates: `{{lead.first_name}}`, spaces inside the braces allowed.
 * Deliberately tiny and strict rather than a general template language (Mustache/Handlebars render an
 * unknown field as "" and allow sections and partials): only `{{doc.field}}` from a whitelist, one
 * pass (a value containing `{{…}}` is never expanded again), and a field-level error naming every
 * unknown or malformed merge field, so a template with a typo is refused when it is saved.
 */

/** Which fields each document offers to templates. */
export type MergeFieldWhitelist = Readonly<Record<string, readonly string[]>>;

/** The values: one object per document name, e.g. `{ lead: { first_name: "Ana" }, sender: {...} }`. */
export type MergeContext = Readonly<Record<string, Readonly<Record<string, unknown>> | null | undefined>>;

/** The CRM's default whitelist (the CRM Lead and Contact fields a letter may name, and the sending user). */
export const CRM_MERGE_FIELDS: MergeFieldWhitelist = {
  lead: ["first_name", "last_name", "email", "mobile_no", "organization", "status", "source"],
  contact: ["first_name", "last_name", "email", "phone", "customer"],
  sender: ["full_name", "email"],
};

const TOKEN = /\{\{([^{}]*)\}\}/g;
const NAME = /^([a-z_][a-z0-9_]*)\.([a-z_][a-z0-9_]*)$/;

/** Every merge field a template names, in order of appearance (duplicates kept once). */
export function mergeFieldsIn(template: string): string[] {
  return [...new Set([...template.matchAll(TOKEN)].map((m) => (m[1] ?? "").trim()))];
}

/** Problems of one template part (`field` = the part's name, e.g. "subject"), without rendering it. */
export function checkTemplate(template: string, field: string, allowed: MergeFieldWhitelist = CRM_MERGE_FIELDS): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const name of mergeFieldsIn(template)) {
    const m = NAME.exec(name);
    if (!m) issues.push({ field, message: `Malformed merge field {{${name}}}: write {{document.field}}, e.g. {{lead.first_name}}` });
    else if (!allowed[m[1]!]?.includes(m[2]!)) issues.push({ field, message: `Unknown merge field {{${name}}} (available: ${available(allowed)})` });
  }
  // Braces left after removing the tokens are an unclosed or nested field.
  if (/\{\{|\}\}/.test(template.replace(TOKEN, ""))) issues.push({ field, message: "Unbalanced {{ or }} in the template" });
  return issues;
}

function available(allowed: MergeFieldWhitelist): string {
  return Object.entries(allowed)
    .flatMap(([doc, fields]) => fields.map((f) => `${doc}.${f}`))
    .join(", ");
}

function display(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return "";
}

const HTML: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export type TemplateEscape = "text" | "html" | "header";

function escapeValue(value: string, escape: TemplateEscape): string {
  if (escape === "html") return value.replace(/[&<>"']/g, (c) => HTML[c]!);
  // A header (the subject) is one line: a value with CR/LF must not add headers.
  if (escape === "header") return value.replace(/[\r\n]+/g, " ");
  return value;
}

/** Renders one part; throws VALIDATION (under `field`) when it names anything outside the whitelist. */
export function renderTemplate(template: string, context: MergeContext, options: { field: string; escape?: TemplateEscape; allowed?: MergeFieldWhitelist }): string {
  const issues = checkTemplate(template, options.field, options.allowed ?? CRM_MERGE_FIELDS);
  if (issues.length) throw AppError.validation(issues);
  const escape = options.escape ?? "text";
  const out = template.replace(TOKEN, (_match, inner: string) => {
    const [, doc, key] = NAME.exec(inner.trim())!;
    return escapeValue(display(context[doc!]?.[key!]), escape);
  });
  return escape === "header" ? out.replace(/[\r\n]+/g, " ").trim() : out;
}

export interface EmailTemplate {
  subject: string;
  /** Plain text: the outbox sends text bodies. */
  body: string;
}

/** Subject and body rendered together; the error lists the problems of both parts at once. */
export function renderEmailTemplate(template: EmailTemplate, context: MergeContext, allowed: MergeFieldWhitelist = CRM_MERGE_FIELDS): EmailTemplate {
  const issues = [...checkTemplate(template.subject, "subject", allowed), ...checkTemplate(template.body, "body", allowed)];
  if (issues.length) throw AppError.validation(issues);
  return {
    subject: renderTemplate(template.subject, context, { field: "subject", escape: "header", allowed }),
    body: renderTemplate(template.body, context, { field: "body", escape: "text", allowed }),
  };
}
