import { AppError } from "@orchestrator/db";
import { describe, expect, it } from "vitest";
import { recordEmail } from "./record-email";
import { checkTemplate, mergeFieldsIn, renderEmailTemplate, renderTemplate } from "./templates";

function fieldErrors(fn: () => unknown): { field: string; message: string }[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return [...(error as AppError).fieldErrors];
  }
  throw new Error("expected a validation error");
}

const context = { lead: { first_name: "Ana", last_name: null, organization: "Acme <Rehab>", email: "ana@acme.test" }, sender: { full_name: "Bo" } };

describe("renderTemplate", () => {
  it("replaces whitelisted fields, with or without spaces, and renders missing values as empty", () => {
    expect(renderTemplate("Hi {{lead.first_name}} {{ lead.last_name }}, from {{sender.full_name}}", context, { field: "body" })).toBe("Hi Ana , from Bo");
  });

  it("escapes values for HTML and keeps them literal in text", () => {
    expect(renderTemplate("<b>{{lead.organization}}</b>", context, { field: "body", escape: "html" })).toBe("<b>Acme &lt;Rehab&gt;</b>");
    expect(renderTemplate("{{lead.organization}}", context, { field: "body" })).toBe("Acme <Rehab>");
  });

  it("never expands merge fields that come from a value (one pass)", () => {
    expect(renderTemplate("{{lead.first_name}}", { lead: { first_name: "{{sender.email}}" } }, { field: "body" })).toBe("{{sender.email}}");
  });

  it("keeps a subject on one line whatever the values hold", () => {
    expect(renderTemplate("Re {{lead.first_name}}", { lead: { first_name: "A\r\nBcc: x@evil.test" } }, { field: "subject", escape: "header" })).toBe("Re A Bcc: x@evil.test");
  });

  it("refuses an unknown merge field with a field-level error naming it", () => {
    const errors = fieldErrors(() => renderTemplate("Hi {{lead.firstname}} {{lead.ssn}}", context, { field: "body" }));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject({ field: "body" });
    expect(errors[0]!.message).toMatch(/^Unknown merge field \{\{lead\.firstname\}\} \(available: lead\.first_name, /);
    expect(errors[1]!.message).toMatch(/\{\{lead\.ssn\}\}/);
  });

  it("refuses malformed and unbalanced fields", () => {
    expect(checkTemplate("{{ first_name }}", "body")[0]!.message).toMatch(/^Malformed merge field \{\{first_name\}\}/);
    expect(checkTemplate("Hi {{lead.first_name", "body")[0]!.message).toMatch(/Unbalanced/);
    expect(checkTemplate("Hi }} there", "body")).toHaveLength(1);
    expect(checkTemplate("Plain text, {single} braces are fine", "body")).toEqual([]);
  });

  it("accepts a custom whitelist", () => {
    expect(renderTemplate("{{deal.amount}}", { deal: { amount: 1200 } }, { field: "body", allowed: { deal: ["amount"] } })).toBe("1200");
  });

  it("lists the fields a template uses", () => {
    expect(mergeFieldsIn("{{a.b}} {{ a.b }} {{c.d}}")).toEqual(["a.b", "c.d"]);
  });
});

describe("renderEmailTemplate / recordEmail", () => {
  it("reports problems of subject and body together", () => {
    const errors = fieldErrors(() => renderEmailTemplate({ subject: "{{lead.nope}}", body: "{{contact.nope}}" }, context));
    expect(errors.map((e) => e.field)).toEqual(["subject", "body"]);
  });

  it("builds the outbox input for a record", () => {
    const input = recordEmail({ record: { doctype: "CRM Lead", name: "CRM-LEAD-0001", department: "D1" }, to: " ana@acme.test ", template: { subject: "Hello {{lead.first_name}}", body: "Dear {{lead.first_name}},\n…" }, context });
    expect(input).toEqual({ recipients: ["ana@acme.test"], subject: "Hello Ana", message: "Dear Ana,\n…", reference: { doctype: "CRM Lead", name: "CRM-LEAD-0001", department: "D1" } });
  });

  it("refuses a bad recipient under `to`", () => {
    expect(fieldErrors(() => recordEmail({ record: { doctype: "CRM Lead", name: "L" }, to: "not-an-address", template: { subject: "s", body: "b" }, context }))[0]!.field).toBe("to");
  });
});
