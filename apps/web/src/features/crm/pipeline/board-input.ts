import type { RouterInputs } from "@orchestrator/modules";

/** The board reads one page of up to 100 deals (the scoped list's largest page); server prefetch and client share it. */
export const BOARD_INPUT: RouterInputs["crm"]["deals"]["list"] = { page: 1, pageSize: 100 };

/** Organisation names for deal cards and pages: the caller's first 100 organisations. */
export const ORGANIZATIONS_INPUT: RouterInputs["crm"]["organizations"]["list"] = { page: 1, pageSize: 100 };
