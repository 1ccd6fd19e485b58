import type { DocTypeDef } from "@orchestrator/db";
import { crmCallLogDocType, crmNoteDocType, crmSmsLogDocType, crmTaskDocType } from "./activities";
import { crmDealStatusDocType, crmLeadSourceDocType, crmTeamDocType } from "./catalogues";
import { crmDealDocType, crmStageChangeDocType } from "./deal";
import { crmLeadDocType } from "./lead";
import { crmOrganizationDocType } from "./organization";
import { crmNotificationDocType } from "../reminders/doctype";
import { communicationDocType, emailTemplateDocType } from "../comms/doctypes";

/** The CRM's DocTypes (category `crm`), Frappe CRM's names. `Contact` is the shared one (contacts/). */
export const crmDocTypes: DocTypeDef[] = [
  crmLeadSourceDocType,
  crmDealStatusDocType,
  crmTeamDocType,
  crmLeadDocType,
  crmOrganizationDocType,
  crmDealDocType,
  crmStageChangeDocType,
  crmTaskDocType,
  crmNoteDocType,
  crmCallLogDocType,
  crmSmsLogDocType,
  crmNotificationDocType,
  communicationDocType,
  emailTemplateDocType,
];
