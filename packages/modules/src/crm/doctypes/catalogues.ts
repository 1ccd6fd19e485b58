import * as s from "@orchestrator/db/schema";
import { dealStageTypes } from "@orchestrator/db/schema";
import type { DocTypeDef } from "@orchestrator/db";
import { invalidatePrincipals } from "@orchestrator/auth";
import { standardOf } from "../../registry/standard";
import { validateDealStatus, validateTeam } from "../hooks/catalogue-hooks";

/**
 * The CRM's configuration: lead sources, pipeline stages and teams. Sales users read them as a
 * catalogue (`teamScope: "catalogue"`); only a CRM grant of scope `all` (Super Admin) changes them.
 */
export const crmLeadSourceDocType: DocTypeDef = {
  name: "CRM Lead Source",
  table: s.crmLeadSources,
  standard: standardOf(s.crmLeadSources),
  category: "crm",
  scope: { kind: "global" },
  teamScope: "catalogue",
  naming: { kind: "field", field: "source_name" },
  titleField: "source_name",
  fields: {
    source_name: { column: s.crmLeadSources.sourceName, type: "data", label: "Source", required: true },
    details: { column: s.crmLeadSources.details, type: "text", label: "Details" },
  },
};

export const crmDealStatusDocType: DocTypeDef = {
  name: "CRM Deal Status",
  table: s.crmDealStatuses,
  standard: standardOf(s.crmDealStatuses),
  category: "crm",
  scope: { kind: "global" },
  teamScope: "catalogue",
  naming: { kind: "prompt" },
  validate: validateDealStatus,
  fields: {
    position: { column: s.crmDealStatuses.position, type: "int", label: "Position" },
    probability: { column: s.crmDealStatuses.probability, type: "int", label: "Probability (%)" },
    type: { column: s.crmDealStatuses.stageType, type: "select", options: dealStageTypes, label: "Type" },
    requires_lost_reason: { column: s.crmDealStatuses.requiresLostReason, type: "check", label: "Requires a lost reason" },
  },
};

const m = s.crmTeamMembers;

export const crmTeamDocType: DocTypeDef = {
  name: "CRM Team",
  table: s.crmTeams,
  standard: standardOf(s.crmTeams),
  category: "crm",
  scope: { kind: "global" },
  teamScope: "catalogue",
  naming: { kind: "field", field: "team_name" },
  titleField: "team_name",
  searchFields: ["team_name"],
  validate: validateTeam,
  // Team membership is what an `own_team` grant sees: a change reloads every principal (teams change
  // rarely, and a deleted team's former members are no longer known after the delete).
  afterWrite: async (event) => {
    if (event.action !== "update" || event.changed.includes("users")) await invalidatePrincipals();
  },
  fields: {
    team_name: { column: s.crmTeams.teamName, type: "data", label: "Team name", required: true },
    description: { column: s.crmTeams.description, type: "text", label: "Description" },
    assignment_rule: { column: s.crmTeams.assignmentRule, type: "json", label: "Assignment rule for new leads" },
    assignment_cursor: { column: s.crmTeams.assignmentCursor, type: "data", label: "Last assigned", readOnly: true },
  },
  children: {
    users: {
      doctype: "CRM Team Member",
      table: m,
      standard: standardOf(m),
      parent: m.parent,
      idx: m.idx,
      category: "crm",
      fields: {
        user: { column: m.user, type: "link", linkTo: "User", label: "User", required: true },
        is_manager: { column: m.isManager, type: "check", label: "Manager" },
      },
    },
  },
};
