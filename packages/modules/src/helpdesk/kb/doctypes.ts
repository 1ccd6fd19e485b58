import * as s from "@orchestrator/db/schema";
import { articleStatuses } from "@orchestrator/db/schema";
import type { DocTypeDef, FieldDef } from "@orchestrator/db";
import { standardOf } from "../../registry/standard";
import { validateArticle, validateCategory, validateCannedResponse } from "./hooks";

/**
 * The knowledge base and saved replies (issue 5 item 5), category `helpdesk`, global scope: every
 * helpdesk reader sees every category, article and saved reply. Portal contacts (grant scope
 * `own_customer`) read the categories and the *published* articles as a read-only catalogue; saved
 * replies are staff-only (no `customerScope`: nothing for them, fail closed).
 */

export const hdArticleCategoryDocType: DocTypeDef = {
  name: "HD Article Category",
  table: s.hdArticleCategories,
  standard: standardOf(s.hdArticleCategories),
  category: "helpdesk",
  scope: { kind: "global" },
  // The portal's knowledge base lists them.
  customerScope: "catalogue",
  // Not named by its title: a category can be renamed without breaking its articles' links.
  naming: { kind: "random" },
  titleField: "category_name",
  searchFields: ["category_name"],
  validate: validateCategory,
  fields: {
    category_name: { column: s.hdArticleCategories.categoryName, type: "data", label: "Category name", required: true, maxLength: 140 },
    description: { column: s.hdArticleCategories.description, type: "text", label: "Description", maxLength: 2000 },
    sort_order: { column: s.hdArticleCategories.sortOrder, type: "int", label: "Order" },
  },
};

const a = s.hdArticles;
const counter = (column: FieldDef["column"], label: string): FieldDef => ({ column, type: "int", label, readOnly: true });

export const hdArticleDocType: DocTypeDef = {
  name: "HD Article",
  table: a,
  standard: standardOf(a),
  category: "helpdesk",
  scope: { kind: "global" },
  // Portal contacts read published articles only: drafts and archived ones are NOT FOUND for them.
  customerScope: { catalogue: true, only: { field: "status", values: ["Published"] } },
  naming: { kind: "series", prefix: "KB-", digits: 5 },
  titleField: "title",
  searchFields: ["title"],
  validate: validateArticle,
  fields: {
    title: { column: a.title, type: "data", label: "Title", required: true, maxLength: 255 },
    category: { column: a.category, type: "link", linkTo: "HD Article Category", label: "Category" },
    // Markdown; may be empty while a draft, required to publish (the hook).
    content: { column: a.content, type: "text", label: "Content", maxLength: 60_000 },
    status: { column: a.status, type: "select", options: articleStatuses, label: "Status" },
    // Set on first publication; a staff member's login, not shown to portal contacts.
    author: { column: a.author, type: "link", linkTo: "User", label: "Author", readOnly: true, internal: true },
    published_on: { column: a.publishedOn, type: "datetime", label: "Published on", readOnly: true },
    // Maintained by feedback and views (set-based updates), never by a document write.
    helpful_count: counter(a.helpfulCount, "Helpful"),
    not_helpful_count: counter(a.notHelpfulCount, "Not helpful"),
    views: counter(a.views, "Views"),
  },
};

export const hdCannedResponseDocType: DocTypeDef = {
  name: "HD Canned Response",
  table: s.hdCannedResponses,
  standard: standardOf(s.hdCannedResponses),
  category: "helpdesk",
  scope: { kind: "global" },
  naming: { kind: "random" },
  titleField: "title",
  searchFields: ["title"],
  validate: validateCannedResponse,
  fields: {
    title: { column: s.hdCannedResponses.title, type: "data", label: "Title", required: true, maxLength: 140 },
    message: { column: s.hdCannedResponses.message, type: "text", label: "Message", required: true, maxLength: 60_000 },
    // HD Team names; empty (or absent) = every team.
    teams: { column: s.hdCannedResponses.teams, type: "json", label: "Teams" },
  },
};

export const kbDocTypes: DocTypeDef[] = [hdArticleCategoryDocType, hdArticleDocType, hdCannedResponseDocType];
