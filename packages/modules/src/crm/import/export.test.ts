import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { protectCell, toCsv } from "./export";

const parse = (csv: string) => Papa.parse<string[]>(csv, { header: false, newline: "\r\n" }).data;

/** The specification of the protection, written independently of the implementation. */
const expected = (text: string) => (["=", "+", "-", "@", "\t", "\r"].includes(text.charAt(0)) && !/^[+-]?\d+(\.\d+)?$/.test(text) ? `'${text}` : text);

describe("toCsv", () => {
  it("writes the columns in order with labels, quoting where needed, CRLF line ends", () => {
    const csv = toCsv([{ name: "CRM-LEAD-1", first_name: 'Ana "A", Lee', modified: new Date("2026-01-02T03:04:05Z"), score: 12, extra: "dropped" }], [{ field: "name", label: "ID" }, "first_name", "modified", "score", "missing"]);
    expect(csv).toBe('ID,first_name,modified,score,missing\r\nCRM-LEAD-1,"Ana ""A"", Lee",2026-01-02T03:04:05.000Z,12,');
  });

  it("neutralises formulas but keeps plain numbers and E.164 phones", () => {
    expect(protectCell("=HYPERLINK(\"http://evil\")")).toBe("'=HYPERLINK(\"http://evil\")");
    expect(protectCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(protectCell("+1+cmd|' /C calc'!A0")).toBe("'+1+cmd|' /C calc'!A0");
    expect(protectCell("-2+3")).toBe("'-2+3");
    expect(protectCell("\t=1")).toBe("'\t=1");
    expect(protectCell("+15005550006")).toBe("+15005550006");
    expect(protectCell("-12.5")).toBe("-12.5");
    expect(toCsv([{ a: "=1+1" }], [{ field: "a", label: "=label" }])).toBe("'=label\r\n'=1+1");
  });

  it("adds a BOM on request", () => {
    expect(toCsv([{ a: "é" }], ["a"], { bom: true })).toBe("\uFEFFa\r\né");
  });

  it("round-trips through papaparse: every cell comes back as written, protected where needed (property)", () => {
    const cell = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.constantFrom("=1+1", "+15005550006", "-3", "@x", 'a,"b"\r\nc', " padded "));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 20 }), (table) => {
        const rows = table.map(([a, b, c]) => ({ a, b, c }));
        const parsed = parse(toCsv(rows, ["a", "b", "c"]));
        expect(parsed[0]).toEqual(["a", "b", "c"]);
        expect(parsed.slice(1)).toEqual(table.map((r) => r.map(expected)));
      }),
      { numRuns: 300 },
    );
  });

  it("never emits a cell a spreadsheet would run as a formula (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 10 }), (values) => {
        const parsed = parse(toCsv(values.map((v) => ({ v, w: "x" })), ["v", "w"]));
        for (const [v] of parsed.slice(1)) expect(/^[=+\-@\t\r]/.test(v!) && !/^[+-]?\d+(\.\d+)?$/.test(v!)).toBe(false);
      }),
    );
  });
});
