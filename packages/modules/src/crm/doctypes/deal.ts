import * as s from "@orchestrator/db/schema";
import type { DocTypeDef } from "@orchestrator/db";
import { standardOf } from "../../registry/standard";
import { validateDeal } from "../hooks/deal-hook";

const d = s.crmDeals;

/** `CRM Deal`: an opportunity moving through the pipeline (`status` is its stage). */
export const crmDealDocType: DocTypeDef = {
  name: "CRM Deal",
  table: d,
  standard: standardOf(d),
  category: "crm",
  scope: { kind: "global" },
  teamScope: { ownerField: "deal_owner", teamField: "team" },
  naming: { kind: "series", prefix: "CRM-DEAL-", digits: 5 },
  titleField: "organization",
  searchFields: ["name", "organization", "lead"],
  validate: validateDeal,
  fields: {
    organization: { column: d.organization, type: "link", linkTo: "CRM Organization", label: "Organisation" },
    contact: { column: d.contact, type: "link", linkTo: "Contact", label: "Contact" },
    lead: { column: d.lead, type: "link", linkTo: "CRM Lead", label: "Lead", readOnly: true },
    status: { column: d.status, type: "link", linkTo: "CRM Deal Status", label: "Stage" },
    probability: { column: d.probability, type: "int", label: "Probability (%)" },
    amount: { column: d.amount, type: "currency", label: "Amount" },
    currency: { column: d.currency, type: "data", label: "Currency", maxLength: 3 },
    expected_close_date: { column: d.expectedCloseDate, type: "date", label: "Expected close" },
    lost_reason: { column: d.lostReason, type: "text", label: "Lost reason", maxLength: 2000 },
    deal_owner: { column: d.dealOwner, type: "link", linkTo: "User", label: "Deal owner" },
    team: { column: d.team, type: "link", linkTo: "CRM Team", label: "Team" },
    client: { column: d.client, type: "link", linkTo: "Client", label: "Admitted as client", readOnly: true },
    stage_changed_on: { column: d.stageChangedOn, type: "datetime", label: "In this stage since", readOnly: true },
  },
};

const c = s.crmStageChanges;

/**
 * `CRM Deal Stage Change`: the pipeline's history, one row per move, appended by the deal's validate
 * in the move's transaction (read-only through the API). Scoped like the deal it copies owner and team from.
 */
export const crmStageChangeDocType: DocTypeDef = {
  name: "CRM Deal Stage Change",
  table: c,
  standard: standardOf(c),
  category: "crm",
  scope: { kind: "global" },
  teamScope: { ownerField: "deal_owner", teamField: "team" },
  naming: { kind: "random" },
  readOnly: true,
  fields: {
    deal: { column: c.deal, type: "link", linkTo: "CRM Deal", label: "Deal" },
    from_stage: { column: c.fromStage, type: "link", linkTo: "CRM Deal Status", label: "From" },
    to_stage: { column: c.toStage, type: "link", linkTo: "CRM Deal Status", label: "To" },
    changed_at: { column: c.changedAt, type: "datetime", label: "Changed at" },
    seconds_in_previous_stage: { column: c.secondsInPreviousStage, type: "int", label: "Seconds in previous stage" },
    deal_owner: { column: c.dealOwner, type: "link", linkTo: "User", label: "Deal owner" },
    team: { column: c.team, type: "link", linkTo: "CRM Team", label: "Team" },
  },
};
