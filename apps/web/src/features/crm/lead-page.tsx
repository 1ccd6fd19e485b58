"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button, buttonClasses } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page-header";
import { toast } from "~/components/ui/toast";
import { errorDetails } from "~/trpc/error-code";
import { useTRPC } from "~/trpc/react";
import { RecordActivity } from "./activity/record-activity";
import { DetailsList } from "./details/details-list";
import { EditDetails, type EditableField } from "./details/edit-details";
import { useMe } from "~/lib/use-me";
import { SelectField } from "./form-fields";
import { dealHref, text } from "./format";
import { useCrmCatalogues, type CrmCatalogues } from "./use-crm-catalogues";
import { BackLink } from "~/components/ui/back-link";

/** What a lead's "Edit" offers: its person and source for everyone on the team; its owner and team for the team's managers. */
function leadFields(catalogues: CrmCatalogues | undefined, team: string, manages: boolean): EditableField[] {
  const fields: EditableField[] = [
    { name: "first_name", label: "First name", maxLength: 140 },
    { name: "last_name", label: "Last name", maxLength: 140 },
    { name: "organization", label: "Organisation", maxLength: 140 },
    { name: "email", label: "E-mail", type: "email", maxLength: 140 },
    { name: "mobile_no", label: "Mobile", type: "tel", maxLength: 40 },
    { name: "source", label: "Source", type: "select", options: catalogues?.sources ?? [] },
  ];
  if (!manages) return fields;
  const members = catalogues?.teams.find((t) => t.name === team)?.members.filter((m) => !m.isManager).map((m) => m.user) ?? [];
  return [...fields, { name: "lead_owner", label: "Owner", type: "select", options: members }, { name: "team", label: "Team", type: "select", options: catalogues?.teams.map((t) => t.name) ?? [] }];
}

/** A lead: its details (editable) and status, its activity (composer and timeline), and "Convert to deal". */
export function LeadPage({ name }: { name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const catalogues = useCrmCatalogues();
  const lead = useQuery(trpc.crm.leads.get.queryOptions({ name }));
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.crm.pathKey() });
  const me = useMe();
  const saveDetails = useMutation(trpc.crm.leads.update.mutationOptions({
    onSuccess: (doc) => {
      queryClient.setQueryData(trpc.crm.leads.get.queryKey({ name }), doc);
      toast.success("Lead saved");
      refresh();
    },
  }));

  const update = useMutation(trpc.crm.leads.update.mutationOptions({
    onSuccess: (doc) => {
      queryClient.setQueryData(trpc.crm.leads.get.queryKey({ name }), doc);
      toast.success(`Status set to ${text(doc.status)}`);
    },
    onError: (e) => toast.error("The status was not changed", { description: errorDetails(e).fieldErrors[0]?.message ?? errorDetails(e).message }),
  }));
  const convert = useMutation(trpc.crm.convertLead.mutationOptions({
    onSuccess: (result) => {
      toast.success(`Converted to deal ${text(result.deal.name)}`);
      refresh();
      router.push(dealHref(text(result.deal.name)));
    },
    onError: (e) => toast.error("The lead was not converted", { description: errorDetails(e).fieldErrors[0]?.message ?? errorDetails(e).message }),
  }));

  const doc = lead.data;
  if (!doc) return <p role="status" className="text-sm text-muted">Loading the lead…</p>;
  const converted = text(doc.converted_deal);
  const team = text(doc.team);
  const manages = Boolean(catalogues.data?.teams.find((t) => t.name === team)?.members.some((m) => m.isManager && m.user === me.data?.user));

  return (
    <>
      <BackLink href="/crm/leads">Leads</BackLink>
      <PageHeader
        title={text(doc.lead_name) || name}
        description={<span className="font-mono">{name}</span>}
        actions={converted ? (
          <Link href={dealHref(converted)} className={buttonClasses("secondary")}>Open deal {converted}</Link>
        ) : (
          <Button variant="primary" disabled={convert.isPending} onClick={() => convert.mutate({ lead: name })}>{convert.isPending ? "Converting…" : "Convert to deal"}</Button>
        )}
      />
      <div className="grid gap-4 lg:grid-cols-[20rem_1fr]">
        <aside aria-label="Lead details" className="flex flex-col gap-4 rounded-lg border border-line bg-surface p-4">
          <SelectField label="Status" value={text(doc.status)} onChange={(status) => update.mutate({ name, values: { status }, modified: text(doc.modified) })}>
            {(catalogues.data?.leadStatuses ?? [text(doc.status)]).map((s) => <option key={s} value={s}>{s}</option>)}
          </SelectField>
          <EditDetails
            key={text(doc.modified)}
            label="lead"
            doc={doc}
            fields={leadFields(catalogues.data, team, manages)}
            saving={saveDetails.isPending}
            onSave={(values) => saveDetails.mutateAsync({ name, values, modified: text(doc.modified) })}
            view={<DetailsList items={[
              ["Organisation", text(doc.organization)],
              ["E-mail", text(doc.email)],
              ["Mobile", text(doc.mobile_no)],
              ["Source", text(doc.source)],
              ["Team", team],
              ["Owner", text(doc.lead_owner)],
            ]} />}
          />
        </aside>
        <RecordActivity record={{ doctype: "CRM Lead", name }} email={text(doc.email)} phone={text(doc.mobile_no)} />
      </div>
    </>
  );
}
