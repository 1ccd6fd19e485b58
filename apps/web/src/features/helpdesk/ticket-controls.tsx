"use client";

import { useId, type ReactNode } from "react";
import { inputClasses, labelClasses } from "~/components/ui/field";
import type { TicketDoc } from "./ticket-types";
import type { Catalogues } from "./use-catalogues";
import type { TicketField } from "./use-ticket-change";

function Control({ label, value, disabled, onChange, children }: { label: string; value: string; disabled: boolean; onChange: (v: string) => void; children: ReactNode }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className={labelClasses}>{label}</label>
      <select id={id} className={inputClasses} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>{children}</select>
    </div>
  );
}

/** Status, priority, team and assignee: each change saves at once (see useTicketChange). */
export function TicketControls({ ticket, catalogues, disabled, onChange, agentName }: { ticket: TicketDoc; catalogues: Catalogues | undefined; disabled: boolean; onChange: (field: TicketField, value: string | null) => void; agentName: (u: string | null | undefined) => string }) {
  const team = catalogues?.teams.find((t) => t.name === ticket.agent_group);
  // A team's tickets go to its members; without a team, any active agent.
  const agents = (catalogues?.agents ?? []).filter((a) => a.active && (!team || team.members.includes(a.user)));
  const keep = (list: string[], value: string | null | undefined, label = value) => (value && !list.includes(value) ? <option value={value}>{label}</option> : null);
  return (
    <section aria-label="Ticket properties" className="grid grid-cols-2 gap-3 rounded-lg border border-line bg-surface p-4 lg:grid-cols-1">
      <Control label="Status" value={ticket.status} disabled={disabled} onChange={(v) => onChange("status", v)}>
        {catalogues?.statuses.map((s) => <option key={s.name} value={s.name}>{s.name}</option>)}
        {keep(catalogues?.statuses.map((s) => s.name) ?? [], ticket.status)}
      </Control>
      <Control label="Priority" value={ticket.priority} disabled={disabled} onChange={(v) => onChange("priority", v)}>
        {catalogues?.priorities.map((p) => <option key={p.name} value={p.name}>{p.name}</option>)}
        {keep(catalogues?.priorities.map((p) => p.name) ?? [], ticket.priority)}
      </Control>
      <Control label="Team" value={ticket.agent_group ?? ""} disabled={disabled} onChange={(v) => onChange("agent_group", v || null)}>
        <option value="">No team</option>
        {catalogues?.teams.map((t) => <option key={t.name} value={t.name}>{t.name}</option>)}
        {keep(catalogues?.teams.map((t) => t.name) ?? [], ticket.agent_group)}
      </Control>
      <Control label="Assignee" value={ticket.assignee ?? ""} disabled={disabled} onChange={(v) => onChange("assignee", v || null)}>
        <option value="">Unassigned</option>
        {agents.map((a) => <option key={a.user} value={a.user}>{a.name}</option>)}
        {keep(agents.map((a) => a.user), ticket.assignee, agentName(ticket.assignee))}
      </Control>
    </section>
  );
}
