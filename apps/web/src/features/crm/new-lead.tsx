"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { Button } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page-header";
import { toast } from "~/components/ui/toast";
import { formErrors } from "~/trpc/error-code";
import { useTRPC } from "~/trpc/react";
import { SelectField, TextField } from "./form-fields";
import { leadHref, text } from "./format";
import { useCrmCatalogues } from "./use-crm-catalogues";
import { BackLink } from "~/components/ui/back-link";
import { FormErrorSummary } from "~/components/ui/form-error-summary";

const fields = ["first_name", "last_name", "email", "mobile_no", "organization", "source", "team"] as const;
type Field = (typeof fields)[number];
type Values = Record<Field, string>;
type Errors = Partial<Record<Field | "form", string>>;

/**
 * A new lead. The server validates (a name or e-mail, e-mail and phone formats, the team) and its
 * field errors land under their fields; nothing typed is lost. Owner and team follow the team's
 * assignment rule when left empty.
 */
export function NewLead() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const catalogues = useCrmCatalogues();
  const [values, setValues] = useState<Values>({ first_name: "", last_name: "", email: "", mobile_no: "", organization: "", source: "", team: "" });
  const [errors, setErrors] = useState<Errors>({});
  const summaryRef = useRef<HTMLDivElement>(null);

  const create = useMutation(trpc.crm.leads.create.mutationOptions({
    onSuccess: async (doc) => {
      toast.success(`Lead ${text(doc.name)} created`);
      await queryClient.invalidateQueries({ queryKey: trpc.crm.leads.list.queryKey() });
      router.push(leadHref(text(doc.name)));
    },
    onError: (error) => {
      const mapped: Errors = formErrors(error, fields, { forbidden: "You don't have permission to create leads.", fallback: "The lead could not be created. Try again; what you typed is still here." });
      setErrors(mapped);
      requestAnimationFrame(() => summaryRef.current?.focus());
    },
  }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    const out: Record<string, string> = {};
    for (const f of fields) if (values[f].trim()) out[f] = values[f].trim();
    create.mutate({ values: out });
  };
  const set = (f: Field) => (value: string) => setValues((v) => ({ ...v, [f]: value }));

  return (
    <>
      <BackLink href="/crm/leads">Leads</BackLink>
      <PageHeader title="New lead" />
      <form onSubmit={submit} noValidate className="flex max-w-3xl flex-col gap-4 rounded-lg border border-line bg-surface p-4 sm:p-6">
        <FormErrorSummary errors={errors} summaryRef={summaryRef} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="First name" value={values.first_name} onChange={set("first_name")} error={errors.first_name} maxLength={140} />
          <TextField label="Last name" value={values.last_name} onChange={set("last_name")} error={errors.last_name} maxLength={140} />
          <TextField label="E-mail" type="email" value={values.email} onChange={set("email")} error={errors.email} maxLength={140} />
          <TextField label="Mobile" type="tel" value={values.mobile_no} onChange={set("mobile_no")} error={errors.mobile_no} maxLength={40} />
          <TextField label="Organisation" value={values.organization} onChange={set("organization")} error={errors.organization} maxLength={140} />
          <SelectField label="Source" value={values.source} onChange={set("source")} error={errors.source} empty="None">
            {catalogues.data?.sources.map((s) => <option key={s} value={s}>{s}</option>)}
          </SelectField>
          <SelectField label="Team" value={values.team} onChange={set("team")} error={errors.team} empty="Default">
            {catalogues.data?.teams.map((t) => <option key={t.name} value={t.name}>{t.name}</option>)}
          </SelectField>
        </div>
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Link href="/crm/leads" className="inline-flex min-h-11 items-center justify-center rounded-md px-4 text-sm font-medium text-muted hover:text-fg sm:min-h-10">Cancel</Link>
          <Button type="submit" variant="primary" disabled={create.isPending}>{create.isPending ? "Creating…" : "Create lead"}</Button>
        </div>
      </form>
    </>
  );
}
