"use client";

import { DateTime } from "~/components/ui/date-time";
import { SlaBadge, useSlaState } from "./sla-badge";
import { formatDuration } from "./sla-state";
import type { TicketDoc } from "./ticket-types";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4 py-1.5 text-sm">
      <dt className="text-muted">{label}</dt>
      <dd className="text-right">{children}</dd>
    </div>
  );
}
const dash = <span className="text-muted">—</span>;

/** The ticket's SLA: the running clock with live time left, both due dates, and what has been met. */
export function SlaPanel({ ticket }: { ticket: TicketDoc }) {
  const state = useSlaState(ticket);
  return (
    <section aria-labelledby="sla-heading" className="rounded-lg border border-line bg-surface p-4">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 id="sla-heading" className="text-sm font-semibold">SLA</h2>
        <SlaBadge state={state} fallback={ticket.agreement_status} />
      </div>
      <dl className="divide-y divide-line">
        <Row label="Agreement">{ticket.sla ?? dash}</Row>
        <Row label="Status">{ticket.agreement_status ?? dash}</Row>
        <Row label="Respond by">{ticket.response_by ? <DateTime value={ticket.response_by} /> : dash}</Row>
        <Row label="First response">{ticket.first_responded_on ? <DateTime value={ticket.first_responded_on} /> : dash}</Row>
        <Row label="Resolve by">{ticket.resolution_by ? <DateTime value={ticket.resolution_by} /> : dash}</Row>
        <Row label="Resolved">{ticket.resolution_date ? <DateTime value={ticket.resolution_date} /> : dash}</Row>
        <Row label="Time on hold">{ticket.total_hold_time ? formatDuration(ticket.total_hold_time * 1000) : dash}</Row>
      </dl>
    </section>
  );
}
