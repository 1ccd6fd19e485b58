import { describe, expect, it } from "vitest";
import { viewQueryIssues } from "../views/lists";
import { crmDealsViewQueryIssues, crmLeadsViewQueryIssues } from "./list-views";

describe("CRM list queries for saved views", () => {
  it("accepts what the pages write", () => {
    expect(crmLeadsViewQueryIssues("")).toEqual([]);
    expect(crmLeadsViewQueryIssues("q=bay&status=New&source=Website&team=East+Coast&owner=sales%40demo.orchestrator.test&group=status&sort=lead_name&dir=asc&cols=status,team&page=2")).toEqual([]);
    expect(crmLeadsViewQueryIssues("cols=")).toEqual([]);
    expect(crmDealsViewQueryIssues("stage=Won&team=West+Coast&group=stage&sort=amount&dir=desc&cols=organization,stage,amount")).toEqual([]);
  });

  it("refuses unknown or repeated keys and bad values, one message each", () => {
    expect(crmLeadsViewQueryIssues("?status=New")).toEqual(["must not start with ?"]);
    expect(crmLeadsViewQueryIssues("stage=Won")).toEqual(["stage is not a parameter of the leads list"]);
    expect(crmDealsViewQueryIssues("source=Website")).toEqual(["source is not a parameter of the deals list"]);
    expect(crmLeadsViewQueryIssues("status=New&status=Junk")).toEqual(["status is given more than once"]);
    expect(crmLeadsViewQueryIssues("sort=password&dir=up")).toEqual([expect.stringMatching(/^sort: password is not one of/), "dir: must be asc or desc"]);
    expect(crmLeadsViewQueryIssues("group=email")).toEqual([expect.stringMatching(/^group: email is not one of/)]);
    expect(crmDealsViewQueryIssues("group=source")).toEqual([expect.stringMatching(/^group: source/)]);
    expect(crmLeadsViewQueryIssues("cols=status,secret")).toEqual(["cols: secret is not a column of the leads list"]);
    expect(crmLeadsViewQueryIssues("cols=status,status")).toEqual(["cols: a column is named more than once"]);
    expect(crmLeadsViewQueryIssues("page=0")).toEqual(["page: must be a whole number from 1 to 10000"]);
    expect(crmLeadsViewQueryIssues(`q=${"x".repeat(141)}`)).toEqual(["q: must be 1 to 140 characters"]);
  });

  it("is registered as the crm-leads and crm-deals lists of saved views", () => {
    expect(viewQueryIssues("crm-leads", "group=status")).toEqual([]);
    expect(viewQueryIssues("crm-deals", "group=status")).toEqual([expect.stringMatching(/^group: status/)]);
  });
});
