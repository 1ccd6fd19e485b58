import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkHeader } from "./header";
import { planImport, type DuplicateLookup } from "./plan";
import { IMPORT_COLUMNS } from "./targets";

const LEADS = "first_name,last_name,email,mobile_no,organization,source,status";

describe("header", () => {
  it("refuses wrong columns with the expected header", async () => {
    const plan = await planImport("name,email\nAna,ana@acme.test\n", "leads");
    expect(plan.header.ok).toBe(false);
    expect(plan.rows).toEqual([]);
    expect(plan.issues).toEqual([{ row: 1, field: "header", problem: `The header does not match: unexpected column name; missing columns first_name, last_name, mobile_no, organization, source, status. Expected header: ${LEADS}` }]);
  });

  it("refuses an empty file and repeated columns", async () => {
    expect((await planImport("", "contacts")).issues[0]!.problem).toBe("The file is empty. Expected header: first_name,last_name,email,phone,customer");
    expect(checkHeader(["first_name", "first_name", "last_name", "email", "phone", "customer"], "contacts")).toMatchObject({ ok: false, problem: expect.stringMatching(/^The header does not match: repeated column first_name\./) });
  });

  it("accepts any order, any case, surrounding spaces and an Excel BOM", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...IMPORT_COLUMNS.leads], { minLength: 7, maxLength: 7 }), fc.boolean(), (columns, upper) => {
        const cells = columns.map((c, i) => `${i === 0 ? "\uFEFF" : ""} ${upper ? c.toUpperCase() : c} `);
        expect(checkHeader(cells, "leads")).toEqual({ ok: true, columns });
      }),
    );
  });

  it("refuses every header that lacks a column, naming the expected header", () => {
    fc.assert(
      fc.property(fc.subarray([...IMPORT_COLUMNS.contacts], { maxLength: 4 }), (columns) => {
        const check = checkHeader(columns, "contacts");
        expect(check.ok).toBe(false);
        if (!check.ok) expect(check.problem).toContain("Expected header: first_name,last_name,email,phone,customer");
      }),
    );
  });
});

describe("rows", () => {
  it("validates and normalises each row, reporting (row, field, problem)", async () => {
    const csv = [
      "email,first_name,last_name,mobile_no,organization,source,status",
      "Ana@Acme.TEST,Ana,Lee,(201) 555-0123,Acme,Web,qualified",
      "not-an-email,,Bo,12,,,Hot",
      "  ,Cy,,,,,",
    ].join("\r\n");
    const plan = await planImport(csv, "leads");
    expect(plan.counts).toEqual({ rows: 3, valid: 2, invalid: 1, duplicate: 0 });
    expect(plan.rows[0]).toMatchObject({ row: 2, status: "valid", values: { email: "ana@acme.test", mobile_no: "+12015550123", status: "Qualified", organization: "Acme" } });
    expect(plan.rows[2]).toMatchObject({ row: 4, status: "valid", values: { email: null, mobile_no: null, status: "New" } });
    expect(plan.issues.map((i) => [i.row, i.field])).toEqual([[3, "first_name"], [3, "email"], [3, "mobile_no"], [3, "status"]]);
    expect(plan.issues[3]!.problem).toBe('Unknown status "Hot" (one of: New, Contacted, Nurture, Qualified, Unqualified, Junk)');
  });

  it("uses the lead status list it is given", async () => {
    const plan = await planImport(`${LEADS}\nAna,,,,,,Hot\n`, "leads", undefined, { leadStatuses: ["Cold", "Hot"] });
    expect(plan.rows[0]).toMatchObject({ status: "valid", values: { status: "Hot" } });
  });

  it("reports ragged rows, over-long cells and quoted multi-line cells by spreadsheet row", async () => {
    const csv = `first_name,last_name,email,phone,customer\nAna,Lee\n"Bo\nBo",Lee,,,${"x".repeat(141)}\nCy,,,,\n`;
    const plan = await planImport(csv, "contacts");
    expect(plan.issues).toEqual([
      { row: 2, field: "row", problem: "Has 2 cells where the header has 5" },
      { row: 3, field: "customer", problem: "Longer than 140 characters" },
    ]);
    expect(plan.rows[1]!.values.first_name).toBe("Bo\nBo");
    expect(plan.counts.valid).toBe(1);
  });

  it("refuses files beyond the row limit", async () => {
    await expect(planImport(`${LEADS}\nA,,,,,,\nB,,,,,,\n`, "leads", undefined, { maxRows: 1 })).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });
});

describe("duplicates", () => {
  const csv = [
    "first_name,last_name,email,phone,customer",
    "Ana,,ana@acme.test,+1 201 555 0123,",
    "Ana2,,ANA@acme.test ,,",
    "Bo,,bo@acme.test,2015550123,",
    "Cy,,cy@acme.test,,",
    "Di,,broken@,,",
  ].join("\n");

  it("finds duplicates within the file on lower-cased e-mail and E.164 phone; the first row wins", async () => {
    const plan = await planImport(csv, "contacts");
    expect(plan.duplicates).toEqual([
      { row: 3, field: "email", kind: "in_file", duplicateOfRow: 2 },
      { row: 4, field: "phone", kind: "in_file", duplicateOfRow: 2 },
    ]);
    expect(plan.rows.map((r) => r.status)).toEqual(["valid", "duplicate", "duplicate", "valid", "invalid"]);
    expect(plan.issues.find((i) => i.row === 4)).toEqual({ row: 4, field: "phone", problem: "Same phone number as row 2" });
  });

  it("asks the lookup once with every normalised key and reports existing records", async () => {
    const calls: { emails: string[]; phones: string[] }[] = [];
    const lookup: DuplicateLookup = async (keys) => {
      calls.push(keys);
      return { emails: new Map([["cy@acme.test", "CRM-CON-0007"]]), phones: new Map() };
    };
    const plan = await planImport(csv, "contacts", lookup);
    expect(calls).toEqual([{ emails: ["ana@acme.test", "bo@acme.test", "cy@acme.test"], phones: ["+12015550123"] }]);
    expect(plan.rows[3]).toMatchObject({ status: "duplicate", issues: [{ row: 5, field: "email", problem: "E-mail already belongs to CRM-CON-0007" }] });
    expect(plan.counts).toEqual({ rows: 5, valid: 1, invalid: 1, duplicate: 3 });
  });

  it("never reports more importable rows than distinct e-mails (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom("a@x.test", "A@X.test", "b@x.test", " b@x.test", "c@x.test", ""), { minLength: 1, maxLength: 30 }), async (emails) => {
        const text = ["first_name,last_name,email,phone,customer", ...emails.map((e, i) => `N${i},,${e},,`)].join("\n");
        const plan = await planImport(text, "contacts");
        const distinct = new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean));
        const withEmail = plan.rows.filter((r) => r.status === "valid" && r.values.email);
        expect(withEmail).toHaveLength(distinct.size);
        expect(plan.counts.rows).toBe(emails.length);
      }),
    );
  });
});
