import * as s from "@orchestrator/db/schema";
import { leadStatuses } from "@orchestrator/db/schema";
import type { DocTypeDef } from "@orchestrator/db";
import { standardOf } from "../../registry/standard";
import { validateLead } from "../hooks/lead-hook";

const l = s.crmLeads;

/** `CRM Lead`: a prospect. Its owner and team decide who sees it (`own_team`). */
export const crmLeadDocType: DocTypeDef = {
  name: "CRM Lead",
  table: l,
  standard: standardOf(l),
  category: "crm",
  scope: { kind: "global" },
  teamScope: { ownerField: "lead_owner", teamField: "team" },
  naming: { kind: "series", prefix: "CRM-LEAD-", digits: 5 },
  titleField: "lead_name",
  searchFields: ["lead_name", "email", "organization", "mobile_no"],
  validate: validateLead,
  fields: {
    first_name: { column: l.firstName, type: "data", label: "First name", maxLength: 140 },
    last_name: { column: l.lastName, type: "data", label: "Last name", maxLength: 140 },
    lead_name: { column: l.leadName, type: "data", label: "Lead name", readOnly: true },
    email: { column: l.email, type: "data", label: "E-mail", maxLength: 140 },
    mobile_no: { column: l.mobileNo, type: "data", label: "Mobile", maxLength: 40 },
    phone: { column: l.phone, type: "data", label: "Phone", maxLength: 40 },
    organization: { column: l.organization, type: "data", label: "Organisation", maxLength: 140 },
    status: { column: l.status, type: "select", options: leadStatuses, label: "Status" },
    source: { column: l.source, type: "link", linkTo: "CRM Lead Source", label: "Source" },
    referral_organization: { column: l.referralOrganization, type: "link", linkTo: "CRM Organization", label: "Referred by (organisation)" },
    lead_owner: { column: l.leadOwner, type: "link", linkTo: "User", label: "Lead owner" },
    team: { column: l.team, type: "link", linkTo: "CRM Team", label: "Team" },
    converted_deal: { column: l.convertedDeal, type: "link", linkTo: "CRM Deal", label: "Converted to deal", readOnly: true },
    converted_on: { column: l.convertedOn, type: "datetime", label: "Converted on", readOnly: true },
  },
};
