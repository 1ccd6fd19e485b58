"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { buttonClasses } from "~/components/ui/button";
import { DateTime } from "~/components/ui/date-time";
import { PageHeader } from "~/components/ui/page-header";
import { toast } from "~/components/ui/toast";
import { useMe } from "~/lib/use-me";
import { useTRPC } from "~/trpc/react";
import { clientHref } from "../clients/client-href";
import { RecordActivity } from "./activity/record-activity";
import { AdmitDeal } from "./admit-deal";
import { DetailsList } from "./details/details-list";
import { EditDetails, type EditableField } from "./details/edit-details";
import { formatMoney, leadHref, text } from "./format";
import { StageHistory } from "./stage-history";
import { useCrmCatalogues } from "./use-crm-catalogues";
import { useOrganizationNames } from "./use-organization-names";
import { BackLink } from "~/components/ui/back-link";

const dealFields: EditableField[] = [
  { name: "amount", label: "Amount", type: "number" },
  { name: "currency", label: "Currency (ISO code, e.g. USD)", maxLength: 3 },
  { name: "expected_close_date", label: "Expected close", type: "date" },
];

/** A deal: stage and amount (editable, the owner by the team's managers), contact and organisation, stage history (time in stage), activity, and the hand-off to admissions once won. */
export function DealPage({ name }: { name: string }) {
  const trpc = useTRPC();
  const me = useMe();
  const catalogues = useCrmCatalogues();
  const view = useQuery(trpc.crm.dealView.queryOptions({ name }));
  const organizationName = useOrganizationNames();
  const queryClient = useQueryClient();
  const saveDetails = useMutation(trpc.crm.deals.update.mutationOptions({
    onSuccess: (doc) => {
      queryClient.setQueryData(trpc.crm.dealView.queryKey({ name }), (current) => (current ? { ...current, deal: doc } : current));
      toast.success("Deal saved");
      void queryClient.invalidateQueries({ queryKey: trpc.crm.pathKey() });
    },
  }));
  if (!view.data) return <p role="status" className="text-sm text-muted">Loading the deal…</p>;
  const { deal, contact, stages } = view.data;
  const stage = catalogues.data?.stages.find((s) => s.name === text(deal.status));
  const client = text(deal.client);
  const team = catalogues.data?.teams.find((t) => t.name === text(deal.team));
  const manages = Boolean(team?.members.some((m) => m.isManager && m.user === me.data?.user)) || me.data?.grants.client?.write === true;
  const managesTeam = Boolean(team?.members.some((m) => m.isManager && m.user === me.data?.user));
  const fields = managesTeam ? [...dealFields, { name: "deal_owner", label: "Owner", type: "select" as const, options: team?.members.filter((m) => !m.isManager).map((m) => m.user) ?? [] }] : dealFields;
  const contactName = contact ? `${text(contact.first_name)} ${text(contact.last_name)}`.trim() : "";
  const email = text(contact?.email);
  const phone = text(contact?.phone);

  return (
    <>
      <BackLink href="/crm/pipeline">Pipeline</BackLink>
      <PageHeader title={text(deal.organization) ? organizationName(deal.organization) : contactName || name} description={<><span className="font-mono">{name}</span> · {[text(deal.status), formatMoney(deal.amount, deal.currency)].filter(Boolean).join(" · ")}</>} />
      <div className="grid gap-4 lg:grid-cols-[20rem_1fr]">
        <div className="flex flex-col gap-4">
          <aside aria-label="Deal details" className="rounded-lg border border-line bg-surface p-4">
            <EditDetails
              key={text(deal.modified)}
              label="deal"
              doc={deal}
              fields={fields}
              saving={saveDetails.isPending}
              onSave={(values) => saveDetails.mutateAsync({ name, values, modified: text(deal.modified) })}
              view={<DetailsList items={[
                  ["Stage", `${text(deal.status)}${stage ? ` (${stage.probability}%)` : ""}`],
                  ["In stage since", <DateTime key="since" value={text(deal.stage_changed_on)} />],
                  ["Amount", formatMoney(deal.amount, deal.currency)],
                  ["Expected close", text(deal.expected_close_date).slice(0, 10)],
                  ["Organisation", text(deal.organization) ? organizationName(deal.organization) : ""],
                  ["Contact", contactName],
                  ["E-mail", email],
                  ["Owner", text(deal.deal_owner)],
                  ["Team", text(deal.team)],
                  ["Lead", text(deal.lead) ? <Link key="lead" href={leadHref(text(deal.lead))} className="text-accent underline-offset-2 hover:underline">{text(deal.lead)}</Link> : ""],
                  ["Lost reason", text(deal.lost_reason)],
                ]} />}
            />
          </aside>
          {client ? (
            <section aria-label="Admission" className="flex flex-col gap-2 rounded-lg border border-line bg-surface p-4">
              <p className="text-sm">Admitted as client <span className="font-mono">{client}</span>.</p>
              <Link href={clientHref(client)} className={buttonClasses("primary")}>Open client {client}</Link>
            </section>
          ) : stage?.type === "Won" && manages ? (
            <section className="rounded-lg border border-line bg-surface p-4"><AdmitDeal deal={name} /></section>
          ) : null}
        </div>
        <div className="flex flex-col gap-4">
          <section aria-labelledby="stage-history-heading" className="rounded-lg border border-line bg-surface p-4">
            <h2 id="stage-history-heading" className="mb-3 text-base font-semibold">Stage history</h2>
            <StageHistory stages={stages} />
          </section>
          <RecordActivity record={{ doctype: "CRM Deal", name }} email={email} phone={phone} />
        </div>
      </div>
    </>
  );
}
