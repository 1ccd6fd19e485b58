import { describe, expect, it } from "vitest";
import {
  describeListParams,
  normalizeViewQuery,
  parseListParams,
  serializeListParams,
  toExportInput,
  toGroupsInput,
  toListInput,
  viewQuery,
  type CrmListParams,
} from "./list-params";
import { DEALS_LIST, LEADS_LIST } from "./list-spec";

const parse = (query: string, spec = LEADS_LIST) => parseListParams(spec, new URLSearchParams(query));
const leads = (patch: Partial<CrmListParams> = {}): CrmListParams => ({ ...parse(""), ...patch });

describe("CRM list URL params", () => {
  it("a bare URL is the default view, and serialises to nothing", () => {
    const p = parse("");
    expect(p).toEqual({ page: 1, sort: "modified", dir: "desc", q: undefined, filters: { status: undefined, source: undefined, team: undefined, owner: undefined }, group: undefined, cols: LEADS_LIST.defaultColumns });
    expect(serializeListParams(LEADS_LIST, p)).toBe("");
  });

  it("round-trips filters, search, group, sort, columns and page", () => {
    const query = "q=bay&status=New&team=East+Coast&owner=sales%40demo.orchestrator.test&group=status&sort=lead_name&dir=asc&cols=status%2Cteam&page=2";
    const p = parse(query);
    expect(p).toMatchObject({ q: "bay", filters: { status: "New", team: "East Coast", owner: "sales@demo.orchestrator.test", source: undefined }, group: "status", sort: "lead_name", dir: "asc", cols: ["status", "team"], page: 2 });
    expect(serializeListParams(LEADS_LIST, p)).toBe(query);
  });

  describe("columns", () => {
    it("are kept in the list's order, once each, unknown ones dropped", () => {
      expect(parse("cols=team,status,team,password").cols).toEqual(["status", "team"]);
      expect(serializeListParams(LEADS_LIST, leads({ cols: ["team", "status"] }))).toBe("cols=status%2Cteam");
    });
    it("the default set is left out of the URL; an empty set is written as `cols=`", () => {
      expect(serializeListParams(LEADS_LIST, leads({ cols: [...LEADS_LIST.defaultColumns].reverse() }))).toBe("");
      expect(parse("cols=").cols).toEqual([]);
      expect(serializeListParams(LEADS_LIST, leads({ cols: [] }))).toBe("cols=");
    });
    it("a hand-edited set with no known column falls back to the default", () => {
      expect(parse("cols=nonsense").cols).toEqual(LEADS_LIST.defaultColumns);
    });
    it("each list has its own", () => {
      expect(parse("cols=stage,amount", DEALS_LIST).cols).toEqual(["stage", "amount"]);
      expect(parse("cols=stage,amount").cols).toEqual(LEADS_LIST.defaultColumns);
    });
  });

  describe("group-by", () => {
    it("takes the list's group keys only", () => {
      expect(parse("group=owner").group).toBe("owner");
      expect(parse("group=email").group).toBeUndefined();
      expect(parse("group=stage", DEALS_LIST).group).toBe("stage");
      expect(parse("group=source", DEALS_LIST).group).toBeUndefined();
    });
    it("orders the page by the group's field first, and asks for the group counts with the same filters and search", () => {
      const p = parse("group=owner&status=New&q=bay&sort=lead_name&dir=desc");
      expect(toListInput(LEADS_LIST, p)).toEqual({ page: 1, pageSize: 20, sort: { field: "lead_name", direction: "desc" }, filters: [{ field: "status", value: "New" }], search: "bay", groupBy: "lead_owner" });
      expect(toGroupsInput(LEADS_LIST, p)).toEqual({ field: "lead_owner", filters: [{ field: "status", value: "New" }], search: "bay" });
      expect(toGroupsInput(LEADS_LIST, parse("status=New"))).toBeUndefined();
    });
  });

  describe("sort", () => {
    it("takes the list's sort fields; the direction defaults to the field's natural one", () => {
      expect(parse("sort=lead_name")).toMatchObject({ sort: "lead_name", dir: "asc" });
      expect(parse("sort=creation")).toMatchObject({ sort: "creation", dir: "desc" });
      expect(parse("sort=amount", DEALS_LIST)).toMatchObject({ sort: "amount", dir: "desc" });
      expect(parse("sort=password&dir=asc")).toMatchObject({ sort: "modified", dir: "asc" });
    });
    it("writes sort and dir together, and only when not the default", () => {
      expect(serializeListParams(LEADS_LIST, leads({ dir: "asc" }))).toBe("sort=modified&dir=asc");
      expect(serializeListParams(LEADS_LIST, leads({ sort: "status", dir: "asc" }))).toBe("sort=status&dir=asc");
    });
  });

  it("deals filter on stage, team and owner", () => {
    const p = parse("stage=Won&owner=a%40b.test&source=Website", DEALS_LIST);
    expect(toListInput(DEALS_LIST, p).filters).toEqual([{ field: "status", value: "Won" }, { field: "deal_owner", value: "a@b.test" }]);
  });

  it("a saved view's query has no page and is written the way the list writes it", () => {
    expect(viewQuery(LEADS_LIST, leads({ page: 3, group: "team" }))).toBe("group=team");
    expect(normalizeViewQuery(LEADS_LIST, "cols=team,status&status=New&bogus=1")).toBe("status=New&cols=status%2Cteam");
  });

  it("exports exactly the view: its columns' fields, filters, search and order", () => {
    const p = parse("cols=amount,stage&stage=Won&q=CRM-DEAL&group=owner&sort=amount&dir=asc", DEALS_LIST);
    expect(toExportInput(DEALS_LIST, p)).toEqual({
      doctype: "CRM Deal",
      fields: ["name", "status", "amount", "currency"],
      filters: [{ field: "status", value: "Won", operator: "=" }],
      search: "CRM-DEAL",
      orderBy: [{ field: "deal_owner", direction: "asc" }, { field: "amount", direction: "asc" }],
    });
    // Grouped and sorted by the same field: the group's order, then newest change first (as the server).
    expect(toExportInput(LEADS_LIST, parse("group=status&sort=status&dir=desc")).orderBy).toEqual([{ field: "status", direction: "asc" }, { field: "modified", direction: "desc" }]);
  });

  it("describes the view in words", () => {
    expect(describeListParams(LEADS_LIST, parse(""))).toBe("All leads; sorted by last updated, newest first.");
    expect(describeListParams(LEADS_LIST, parse("status=New&q=bay&group=team&cols=status&sort=lead_name"))).toBe("Leads with matching “bay”, status New, grouped by team; sorted by name, a–z; columns: Status.");
  });
});
