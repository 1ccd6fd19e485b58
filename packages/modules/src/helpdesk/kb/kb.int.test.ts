import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRedis } from "@orchestrator/auth";
import { AppError, createScopedDb, type Principal, type ScopedDb } from "@orchestrator/db";
import { closeDatabase, schema, unsafeSystemDb } from "@orchestrator/db/system";
import { seedDemo } from "@orchestrator/db/testing";
import { count, eq } from "drizzle-orm";
import { registry } from "../../registry";
import { demoPrincipals } from "../../testing/principals";
import { createArticle, getArticle, listArticles, setArticleStatus, suggestArticles, updateArticle } from "./articles";
import { createCategory, deleteCategory, listCategories } from "./categories";
import { voteArticle } from "./feedback";
import { createReply, listReplies } from "./replies";

const scope = (p: Principal): ScopedDb => createScopedDb(p, { requestId: "test" }, registry);
const admin = () => scope(demoPrincipals.admin());
const agent = (user = "agent@test.local") => scope({ user, fullName: user, roles: ["Helpdesk Agent"], departments: ["Medical"], grants: { helpdesk: { access: "write", scope: "own_dept" } } });
/** A portal contact of customer X (the "Helpdesk Customer" grant). */
const contact = (user = "contact@x.test") => scope({ user, fullName: user, roles: ["Helpdesk Customer"], departments: [], customers: ["X"], grants: { helpdesk: { access: "write", scope: "own_customer" } } });
const listInput = { page: 1, pageSize: 20, sort: "relevance" as const };

async function refused(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}
const fieldsOf = (e: AppError) => e.fieldErrors.map((f) => f.field);

async function published(title: string, content: string, category?: string) {
  const draft = await createArticle(agent(), { title, content, category: category ?? null });
  return setArticleStatus(agent(), draft.name, "Published", draft.modified);
}

let reset = "";
let policy = "";
let printer = "";
let secretDraft = "";
let category = "";

beforeAll(async () => {
  const db = unsafeSystemDb();
  await seedDemo(db, { passwordHash: "x", clientCount: 1 });
  category = (await createCategory(admin(), { category_name: "Accounts", sort_order: 1 })).name;
  reset = (await published("Reset your password", "To **reset your password**, open Settings and choose *Reset password*. A reset link is e-mailed to you.", category)).name;
  policy = (await published("Security policy", "Passwords expire every 90 days. Use a long passphrase.", category)).name;
  printer = (await published("Printer shows offline", "If the printer shows offline, restart the print spooler and check the cable.")).name;
  secretDraft = (await createArticle(agent(), { title: "Password reset for admins (draft)", content: "Internal: reset password via the admin console." })).name;
});
afterAll(async () => {
  await closeRedis();
  await closeDatabase();
});

describe("articles: writes and validation", () => {
  it("a new article is a draft; publishing stamps author and published_on; unpublish keeps them", async () => {
    const draft = await createArticle(agent("writer@test.local"), { title: "Two-factor sign-in" });
    expect(draft).toMatchObject({ status: "Draft", content: "", published_on: null, helpful_count: 0, views: 0 });
    expect(draft.author ?? null).toBeNull();
    const edited = await updateArticle(agent("writer@test.local"), draft.name, { content: "Open **Security** and scan the code." }, draft.modified);
    const live = await setArticleStatus(agent("publisher@test.local"), draft.name, "Published", edited.modified);
    expect(live.status).toBe("Published");
    expect(live.author).toBe("publisher@test.local");
    expect(live.published_on).toMatch(/^\d{4}-\d{2}-\d{2} /);
    const back = await setArticleStatus(agent("other@test.local"), draft.name, "Draft", live.modified);
    expect(back).toMatchObject({ status: "Draft", author: "publisher@test.local", published_on: live.published_on });
    const again = await setArticleStatus(agent("other@test.local"), draft.name, "Published", back.modified);
    expect(again.author).toBe("publisher@test.local");
    expect(again.published_on! > live.published_on!).toBe(true);
    const versions = await unsafeSystemDb().select({ n: count() }).from(schema.versions).where(eq(schema.versions.docname, draft.name));
    expect(Number(versions[0]!.n)).toBe(5);
  });

  it("field errors: title required, content required to publish, a missing category, server-managed counts ignored", async () => {
    expect(fieldsOf(await refused(createArticle(agent(), { title: "" }), "VALIDATION"))).toEqual(["title"]);
    expect(fieldsOf(await refused(createArticle(agent(), { title: "   " }), "VALIDATION"))).toEqual(["title"]);
    expect(fieldsOf(await refused(createArticle(agent(), { title: "X", category: "nope" }), "VALIDATION"))).toEqual(["category"]);
    const empty = await createArticle(agent(), { title: "Empty" });
    expect(fieldsOf(await refused(setArticleStatus(agent(), empty.name, "Published", empty.modified), "VALIDATION"))).toEqual(["content"]);
    // A client cannot set the counters (read-only fields are dropped, as Frappe does).
    const doc = await agent().update("HD Article", empty.name, { helpful_count: 999, views: 5, title: "Still empty" });
    expect(doc).toMatchObject({ helpful_count: 0, views: 0, title: "Still empty" });
  });

  it("a save from a stale copy is a CONFLICT", async () => {
    const doc = await createArticle(agent(), { title: "Conflicts" });
    await updateArticle(agent(), doc.name, { content: "first" }, doc.modified);
    await refused(updateArticle(agent(), doc.name, { content: "second" }, doc.modified), "CONFLICT");
  });
});

describe("search and suggestions", () => {
  it("ranks the best match first, prefixes match while typing, and filters by category and status", async () => {
    const found = await listArticles(agent(), { ...listInput, search: "reset passw" });
    expect(found.rows[0]!.name).toBe(reset);
    expect(found.rows.map((r) => r.name)).toContain(secretDraft); // staff see drafts
    expect(found.rows[0]!.excerpt).toMatch(/^To reset your password, open Settings/);
    const live = await listArticles(agent(), { ...listInput, search: "password reset", status: ["Published"], category });
    expect(live.rows.map((r) => r.name)).toEqual([reset]);
    expect(live.total).toBe(1);
    // Too short for the index: a title match.
    expect((await listArticles(agent(), { ...listInput, search: "pr" })).rows.map((r) => r.name)).toContain(printer);
  });

  it("a portal contact never gets drafts: not in lists, searches, filters, suggestions or by name", async () => {
    const portal = contact();
    const all = await listArticles(portal, { ...listInput, pageSize: 100 });
    expect(all.rows.length).toBeGreaterThan(0);
    expect(all.rows.every((r) => r.status === "Published")).toBe(true);
    expect(all.rows.every((r) => !("author" in r))).toBe(true);
    const search = await listArticles(portal, { ...listInput, search: "password reset" });
    expect(search.rows[0]!.name).toBe(reset);
    expect(search.rows.map((r) => r.name)).not.toContain(secretDraft);
    expect((await listArticles(portal, { ...listInput, status: ["Draft"] })).total).toBe(0);
    await refused(getArticle(portal, secretDraft, true), "NOT_FOUND");
    const article = (await getArticle(portal, reset, false)).article;
    expect(article.title).toBe("Reset your password");
    expect("author" in article).toBe(false);
    const suggested = await suggestArticles(portal, "I forgot my password and need a reset", 5);
    expect(suggested[0]!.name).toBe(reset);
    expect(suggested.map((s) => s.name)).not.toContain(secretDraft);
  });

  it("suggests the relevant published articles for a ticket's text", async () => {
    const suggested = await suggestArticles(agent(), "Subject: printer offline\nOur office printer says it is offline since this morning", 5);
    expect(suggested[0]).toMatchObject({ name: printer, title: "Printer shows offline" });
    expect(suggested.map((s) => s.name)).not.toContain(secretDraft); // staff too: suggestions are published only
    expect(await suggestArticles(agent(), "is it on?", 5)).toEqual([]);
  });

  it("reading a published article counts a view without changing `modified`", async () => {
    const before = (await getArticle(agent(), policy, false)).article;
    const read = await getArticle(contact(), policy, true);
    expect(read.article.views).toBe(before.views + 1);
    const after = (await getArticle(agent(), policy, false)).article;
    expect(after.views).toBe(before.views + 1);
    expect(after.modified).toBe(before.modified);
  });
});

describe("portal contacts are readers", () => {
  it("cannot create, change, publish or delete articles or categories", async () => {
    const portal = contact();
    await refused(createArticle(portal, { title: "Mine", content: "x" }), "FORBIDDEN");
    const doc = (await getArticle(admin(), reset, false)).article;
    await refused(updateArticle(portal, reset, { title: "Hacked" }, doc.modified), "FORBIDDEN");
    await refused(updateArticle(portal, secretDraft, { title: "Hacked" }, doc.modified), "NOT_FOUND");
    await refused(setArticleStatus(portal, secretDraft, "Published"), "NOT_FOUND");
    await refused(portal.delete("HD Article", reset), "FORBIDDEN");
    await refused(createCategory(portal, { category_name: "Mine" }), "FORBIDDEN");
    expect((await getArticle(admin(), reset, false)).article.title).toBe("Reset your password");
  });

  it("never read saved replies", async () => {
    const reply = await createReply(agent(), { title: "Thanks", message: "Thanks for reaching out!" });
    expect(await listReplies(contact(), {})).toEqual([]);
    await refused(contact().get("HD Canned Response", reply.name), "NOT_FOUND");
    await refused(createReply(contact(), { title: "Mine", message: "x" }), "FORBIDDEN");
  });

  it("see categories with their published article counts", async () => {
    const mine = await listCategories(contact());
    expect(mine.find((c) => c.name === category)?.articles).toBe(2);
    await createArticle(agent(), { title: "Accounts draft", category });
    expect((await listCategories(agent())).find((c) => c.name === category)?.articles).toBe(3);
    expect((await listCategories(contact())).find((c) => c.name === category)?.articles).toBe(2);
  });
});

describe("feedback", () => {
  it("one vote per user; concurrent votes and vote changes keep the counts exact", async () => {
    const voters = Array.from({ length: 16 }, (_, i) => (i % 2 ? contact(`c${i}@x.test`) : agent(`a${i}@test.local`)));
    // Everyone votes helpful at once, some twice.
    await Promise.all([...voters, ...voters.slice(0, 4)].map((v) => voteArticle(v, printer, true)));
    let doc = (await getArticle(admin(), printer, false)).article;
    expect([doc.helpful_count, doc.not_helpful_count]).toEqual([16, 0]);
    // Half change their mind at once, while the others repeat their vote.
    await Promise.all(voters.map((v, i) => voteArticle(v, printer, i >= 8)));
    doc = (await getArticle(admin(), printer, false)).article;
    expect([doc.helpful_count, doc.not_helpful_count]).toEqual([8, 8]);
    const rows = await unsafeSystemDb().select({ helpful: schema.hdArticleFeedback.helpful }).from(schema.hdArticleFeedback).where(eq(schema.hdArticleFeedback.article, printer));
    expect(rows).toHaveLength(16);
    expect(rows.filter((r) => r.helpful).length).toBe(8);
    const mine = await getArticle(voters[9]!, printer, false);
    expect(mine.myVote).toBe(true);
  });

  it("only on articles the voter can read, and only published ones", async () => {
    await refused(voteArticle(contact(), secretDraft, true), "NOT_FOUND");
    expect(fieldsOf(await refused(voteArticle(agent(), secretDraft, true), "VALIDATION"))).toEqual(["status"]);
  });
});

describe("categories and saved replies", () => {
  it("a category with articles is not deleted", async () => {
    expect(fieldsOf(await refused(deleteCategory(admin(), category), "VALIDATION"))).toEqual(["category"]);
    const spare = await createCategory(admin(), { category_name: "Spare" });
    await deleteCategory(admin(), spare.name);
    expect((await listCategories(admin())).map((c) => c.name)).not.toContain(spare.name);
  });

  it("saved replies: teams must exist; a team sees its own and the all-teams replies", async () => {
    await admin().insert("HD Team", { team_name: "Billing" });
    await admin().insert("HD Team", { team_name: "Support" });
    expect(fieldsOf(await refused(createReply(agent(), { title: "X", message: "Y", teams: ["Nope"] }), "VALIDATION"))).toEqual(["teams"]);
    expect(fieldsOf(await refused(createReply(agent(), { title: "", message: "" }), "VALIDATION")).sort()).toEqual(["message", "title"]);
    expect(fieldsOf(await refused(createReply(agent(), { title: " ", message: "x" }), "VALIDATION"))).toEqual(["title"]);
    const billing = await createReply(agent(), { title: "Refund issued", message: "We issued a refund.", teams: ["Billing", "Billing"] });
    expect(billing.teams).toEqual(["Billing"]);
    const forBilling = (await listReplies(agent(), { team: "Billing" })).map((r) => r.title);
    const forSupport = (await listReplies(agent(), { team: "Support" })).map((r) => r.title);
    expect(forBilling).toEqual(expect.arrayContaining(["Refund issued", "Thanks"]));
    expect(forSupport).toContain("Thanks");
    expect(forSupport).not.toContain("Refund issued");
    expect((await listReplies(agent(), { search: "refund" })).map((r) => r.title)).toEqual(["Refund issued"]);
  });
});
