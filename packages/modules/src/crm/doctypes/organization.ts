import * as s from "@orchestrator/db/schema";
import { AppError, type DocTypeDef, type ScopedDb, type ValidateEvent } from "@orchestrator/db";
import { standardOf } from "../../registry/standard";
import { checkContactFields, str, type FieldIssue } from "../hooks/person-fields";

const o = s.crmOrganizations;

/** An organisation's own rules: a well-formed phone and website; its owner defaults to its creator. */
async function validateOrganization(scoped: ScopedDb, event: ValidateEvent): Promise<Record<string, unknown>> {
  const issues: FieldIssue[] = [];
  const set = checkContactFields(event.doc, event.changed, { phones: ["phone"] }, issues);
  const website = str(event.doc.website);
  if (website && event.changed.includes("website") && !URL.canParse(/^https?:\/\//i.test(website) ? website : `https://${website}`)) issues.push({ field: "website", message: `${website} is not a web address` });
  if (issues.length) throw AppError.validation(issues);
  if (event.action === "create" && !str(event.doc.organization_owner)) set.organization_owner = scoped.principal.user;
  return set;
}

/**
 * `CRM Organization`. Named by series, not by its name: two teams may each have an "Acme", and a
 * duplicate-name error would tell one team about the other's.
 */
export const crmOrganizationDocType: DocTypeDef = {
  name: "CRM Organization",
  table: o,
  standard: standardOf(o),
  category: "crm",
  scope: { kind: "global" },
  teamScope: { ownerField: "organization_owner", teamField: "team" },
  naming: { kind: "series", prefix: "CRM-ORG-", digits: 5 },
  titleField: "organization_name",
  searchFields: ["organization_name", "website"],
  validate: validateOrganization,
  fields: {
    organization_name: { column: o.organizationName, type: "data", label: "Organisation name", required: true },
    website: { column: o.website, type: "data", label: "Website", maxLength: 255 },
    industry: { column: o.industry, type: "data", label: "Industry" },
    phone: { column: o.phone, type: "data", label: "Phone", maxLength: 40 },
    address: { column: o.address, type: "text", label: "Address" },
    organization_owner: { column: o.organizationOwner, type: "link", linkTo: "User", label: "Owner" },
    team: { column: o.team, type: "link", linkTo: "CRM Team", label: "Team" },
  },
};
