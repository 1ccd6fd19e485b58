import { z } from "zod";
import { SAVED_VIEW_LABEL_MAX, SAVED_VIEW_QUERY_MAX } from "@orchestrator/db/schema";
import { savedViewLists } from "./lists";

export const viewList = z.enum(savedViewLists);
const name = z.string().min(1).max(140);
const label = z.string().trim().min(1, "Label is required").max(SAVED_VIEW_LABEL_MAX, `Label must be at most ${SAVED_VIEW_LABEL_MAX} characters`);
/** The list's URL query string without `?`; checked against the list's parameters by the data layer. */
const query = z.string().trim().max(SAVED_VIEW_QUERY_MAX, `Query must be at most ${SAVED_VIEW_QUERY_MAX} characters`);

export const savedView = z.object({ name: z.string(), list: viewList, label: z.string(), query: z.string(), isDefault: z.boolean(), modified: z.string() });
export type SavedView = z.infer<typeof savedView>;

export const viewNameInput = z.object({ name });
export const viewListInput = z.object({ list: viewList });
export const createViewInput = z.object({ list: viewList, label, query, isDefault: z.boolean().default(false) });
export type CreateViewInput = z.infer<typeof createViewInput>;
/** `modified` is the version the user last saw: a newer saved one is a CONFLICT, never overwritten. */
export const updateViewInput = z.object({ name, modified: z.string().min(1), label: label.optional(), query: query.optional(), isDefault: z.boolean().optional() });
export type UpdateViewInput = z.infer<typeof updateViewInput>;
