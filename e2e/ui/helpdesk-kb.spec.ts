/**
 * The knowledge base (issue 5 item 5), in the desktop and phone projects: a Super Admin writes an
 * article in the Markdown editor (live preview), sees the editor's field errors, publishes it, finds
 * it by a prefix of a word in its content through the list's full-text search, reads it rendered and
 * votes it helpful; axe finds nothing serious or critical on the list and the article.
 *
 * Each run works on an article it creates itself (a unique word), so it can run beside other specs.
 */
import { expect, test } from "@playwright/test";
import { press, waitForHydration } from "../fixtures/clients-ui";
import { roleByKey } from "../fixtures/roles";
import { expectNoSeriousViolations } from "../fixtures/axe";

test.use({ storageState: roleByKey("admin").storageState });

/** A word no other article contains (random letters: the full-text index keeps it whole). */
function uniqueWord(): string {
  const letters = "abcdefghijklmnopqrstuvwxyz";
  return `kb${Array.from({ length: 12 }, () => letters[Math.floor(Math.random() * 26)]).join("")}`;
}

test("a Super Admin writes, publishes and finds an article by search", async ({ page }, testInfo) => {
  const word = uniqueWord();
  const title = `Resetting the ${word} widget`;

  await page.goto("/helpdesk/kb/new");
  const titleField = page.getByLabel("Title", { exact: true });
  await waitForHydration(titleField);

  // Field errors: publishing needs a title and content.
  await press(page.getByRole("button", { name: "Publish", exact: true }), testInfo);
  await expect(page.getByText("Title is required")).toBeVisible();
  await expect(titleField).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Content is required to publish")).toBeVisible();

  await titleField.fill(title);
  const content = page.getByLabel("Content (Markdown)");
  await content.fill(`## Steps\n\n1. Open **Settings**.\n2. Reset the ${word} widget.\n\n<script>alert("x")</script>`);
  // The live preview renders the Markdown (on phones, behind the Preview tab) and drops raw HTML.
  if (testInfo.project.use.isMobile) await press(page.getByRole("button", { name: "Preview" }), testInfo);
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("heading", { name: "Steps" })).toBeVisible();
  await expect(preview.locator("strong", { hasText: "Settings" })).toBeVisible();
  await expect(preview.locator("script")).toHaveCount(0);

  await press(page.getByRole("button", { name: "Publish", exact: true }), testInfo);
  await page.waitForURL(/\/helpdesk\/kb\/KB-\d{5}\?edit=1$/);
  const name = decodeURIComponent(new URL(page.url()).pathname.split("/").pop() ?? "");
  await expect(page.getByRole("form", { name: `Edit ${title}` }).getByText("Published", { exact: true })).toBeVisible();

  // The list's full-text search.
  await page.goto("/helpdesk/kb");
  const search = page.getByRole("searchbox", { name: "Search articles" });
  await waitForHydration(search);
  // A prefix, as while typing.
  const prefix = word.slice(0, -3);
  await search.fill(prefix);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${prefix}`));
  const link = page.getByRole("link", { name: title });
  await expect(link).toBeVisible();
  await expect(page.getByText(/^1 article match$/)).toBeVisible();
  await expectNoSeriousViolations(page, testInfo, "kb-list");

  await press(link, testInfo);
  await page.waitForURL(new RegExp(`/helpdesk/kb/${name}$`));
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("article").getByRole("heading", { name: "Steps" })).toBeVisible();
  const yes = page.getByRole("button", { name: /^Yes/ });
  await waitForHydration(yes);
  await press(yes, testInfo);
  await expect(yes).toHaveAttribute("aria-pressed", "true");
  await expect(yes).toContainText("1");
  await expect(page.getByRole("status").filter({ hasText: "Thanks for your feedback" })).toBeVisible();
  await expectNoSeriousViolations(page, testInfo, "kb-article");
});
