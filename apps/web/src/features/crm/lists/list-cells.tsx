"use client";

import { useMemo, type ReactNode } from "react";
import { DateTime } from "~/components/ui/date-time";
import { formatDate } from "~/lib/format";
import { dealHref, formatMoney, leadHref, text } from "../format";
import { useOrganizationNames } from "../use-organization-names";

export type Row = Record<string, unknown>;

/** How a list draws its rows: the first column (a link to the record) and every optional column by id. */
export interface ListCells {
  primary: (row: Row) => { href: string; title: string; detail: string };
  cell: (column: string, row: Row) => ReactNode;
}

const muted = (label: string) => <span className="text-muted">{label}</span>;
const orDash = (value: unknown) => text(value) || muted("—");
const pill = (value: unknown) => (text(value) ? <span className="inline-flex rounded-full bg-neutral-soft px-2.5 py-0.5 text-xs font-medium whitespace-nowrap text-neutral">{text(value)}</span> : muted("—"));
const time = (value: unknown) => (text(value) ? <DateTime value={text(value)} /> : muted("—"));

export const leadCells: ListCells = {
  primary: (row) => ({ href: leadHref(text(row.name)), title: text(row.lead_name) || text(row.name), detail: text(row.name) }),
  cell: (column, row) => {
    switch (column) {
      case "organization": return orDash(row.organization);
      case "email": return orDash(row.email);
      case "mobile": return orDash(row.mobile_no);
      case "status": return pill(row.status);
      case "source": return orDash(row.source);
      case "team": return orDash(row.team);
      case "owner": return text(row.lead_owner) || muted("Unassigned");
      case "modified": return time(row.modified);
      case "created": return time(row.creation);
      default: return null;
    }
  },
};

/** Deals link their organisation by id: the names come from the caller's organisations. */
export function useDealCells(): ListCells {
  const organizationName = useOrganizationNames();
  return useMemo(() => ({
    primary: (row) => ({ href: dealHref(text(row.name)), title: text(row.name), detail: text(row.lead) ? `From lead ${text(row.lead)}` : "" }),
    cell: (column, row) => {
      switch (column) {
        case "organization": return text(row.organization) ? organizationName(row.organization) : muted("—");
        case "stage": return pill(row.status);
        case "amount": return formatMoney(row.amount, row.currency) || muted("—");
        case "probability": return typeof row.probability === "number" ? `${row.probability}%` : muted("—");
        case "expected_close": return text(row.expected_close_date) ? formatDate(text(row.expected_close_date)) : muted("—");
        case "owner": return text(row.deal_owner) || muted("Unassigned");
        case "team": return orDash(row.team);
        case "modified": return time(row.modified);
        case "created": return time(row.creation);
        default: return null;
      }
    },
  }), [organizationName]);
}
