import type { DocTypeDef, DocTypeRegistry } from "@orchestrator/db";
import { clientDocType, medicalTemplateDocType, programDocType, taskDocType } from "../clients/doctypes";
import { departmentDocType, roleDocType, userDocType, versionDocType } from "../core/doctypes";
import { savedViewDocType } from "../views/doctype";
import { helpdeskDocTypes } from "../helpdesk/doctypes";
import { contactDocTypes } from "../contacts/doctypes";
import { kbDocTypes } from "../helpdesk/kb/doctypes";
import { emailQueueDocType } from "../email/doctype";
import { crmDocTypes } from "../crm/doctypes";

/**
 * The DocType registry: one definition per DocType (table, category, fields, sensitive fields, child
 * tables), used by the scoped data layer, the tRPC routers and the Frappe-compatible REST API alike.
 */
const definitions = new Map<string, DocTypeDef>();
export const registry: DocTypeRegistry & { all(): DocTypeDef[] } = {
  get: (name) => definitions.get(name),
  all: () => [...definitions.values()],
};

for (const dt of [clientDocType, taskDocType, medicalTemplateDocType, programDocType, departmentDocType, userDocType, roleDocType, savedViewDocType, ...helpdeskDocTypes, ...contactDocTypes, ...kbDocTypes, ...crmDocTypes, emailQueueDocType, versionDocType(() => registry)]) {
  definitions.set(dt.name, dt);
}
