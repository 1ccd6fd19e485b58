"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Button } from "~/components/ui/button";
import { inputClasses, labelClasses } from "~/components/ui/field";
import { PageHeader } from "~/components/ui/page-header";
import { toast } from "~/components/ui/toast";
import { formErrors } from "~/trpc/error-code";
import { useMe } from "~/lib/use-me";
import { useTRPC } from "~/trpc/react";
import { ticketHref } from "./ticket-href";
import { useCatalogues } from "./use-catalogues";
import { BackLink } from "~/components/ui/back-link";
import { FormErrorSummary } from "~/components/ui/form-error-summary";

const fields = ["subject", "description", "raised_by", "customer", "priority", "ticket_type", "agent_group", "department"] as const;
type Field = (typeof fields)[number];
type Values = Record<Field, string>;
type Errors = Partial<Record<Field | "form", string>>;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function check(v: Values): Errors {
  const e: Errors = {};
  if (!v.subject.trim()) e.subject = "Subject is required";
  if (v.raised_by.trim() && !EMAIL.test(v.raised_by.trim())) e.raised_by = "Enter an e-mail address (name@example.com)";
  return e;
}

/**
 * A new ticket. Quick checks in the browser; the server's field errors (an unknown customer, a bad
 * e-mail, a department outside the agent's scope) land under their fields, and nothing typed is lost.
 * The SLA, due dates and the team's assignment rule are applied by the server on save.
 */
export function NewTicket() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const me = useMe();
  const catalogues = useCatalogues();
  const [values, setValues] = useState<Values>({ subject: "", description: "", raised_by: "", customer: "", priority: "", ticket_type: "", agent_group: "", department: "" });
  const [errors, setErrors] = useState<Errors>({});
  const summaryRef = useRef<HTMLDivElement>(null);
  const departments = me.data?.departments ?? [];

  const create = useMutation(trpc.helpdesk.create.mutationOptions({
    onSuccess: async (doc) => {
      toast.success(`Ticket ${String(doc.name)} created`);
      await queryClient.invalidateQueries({ queryKey: trpc.helpdeskAgent.tickets.queryKey() });
      router.push(ticketHref(String(doc.name)));
    },
    onError: (error) => {
      const mapped: Errors = formErrors(error, fields, { forbidden: "You don't have permission to create this ticket.", fallback: "The ticket could not be created. Try again; what you typed is still here." });
      setErrors(mapped);
      requestAnimationFrame(() => summaryRef.current?.focus());
    },
  }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = check(values);
    setErrors(found);
    if (Object.keys(found).length) return requestAnimationFrame(() => summaryRef.current?.focus());
    const opt = (f: Field) => (values[f].trim() ? { [f]: values[f].trim() } : {});
    create.mutate({ subject: values.subject.trim(), ...opt("description"), ...opt("raised_by"), ...opt("customer"), ...opt("priority"), ...opt("ticket_type"), ...opt("agent_group"), ...opt("department") });
  };
  const set = (f: Field) => (value: string) => setValues((v) => ({ ...v, [f]: value }));

  return (
    <>
      <BackLink href="/helpdesk">Tickets</BackLink>
      <PageHeader title="New ticket" />
      <form onSubmit={submit} noValidate className="flex max-w-3xl flex-col gap-4 rounded-lg border border-line bg-surface p-4 sm:p-6">
        <FormErrorSummary errors={errors} summaryRef={summaryRef} />
        <TextField label="Subject" value={values.subject} onChange={set("subject")} error={errors.subject} required maxLength={255} />
        <TextField label="Description" value={values.description} onChange={set("description")} error={errors.description} multiline />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Raised by (e-mail)" type="email" value={values.raised_by} onChange={set("raised_by")} error={errors.raised_by} />
          <TextField label="Customer" value={values.customer} onChange={set("customer")} error={errors.customer} hint="The customer's name as in HD Customer (optional)" />
          <SelectField label="Priority" value={values.priority} onChange={set("priority")} error={errors.priority} empty="Default">
            {catalogues.data?.priorities.map((p) => <option key={p.name} value={p.name}>{p.name}</option>)}
          </SelectField>
          <SelectField label="Ticket type" value={values.ticket_type} onChange={set("ticket_type")} error={errors.ticket_type} empty="None">
            {catalogues.data?.ticketTypes.map((t) => <option key={t} value={t}>{t}</option>)}
          </SelectField>
          <SelectField label="Team" value={values.agent_group} onChange={set("agent_group")} error={errors.agent_group} empty="No team">
            {catalogues.data?.teams.map((t) => <option key={t.name} value={t.name}>{t.name}</option>)}
          </SelectField>
          {departments.length > 1 ? (
            <SelectField label="Department" value={values.department} onChange={set("department")} error={errors.department} empty="Choose…">
              {departments.map((d) => <option key={d} value={d}>{d}</option>)}
            </SelectField>
          ) : null}
        </div>
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Link href="/helpdesk" className="inline-flex min-h-11 items-center justify-center rounded-md px-4 text-sm font-medium text-muted hover:text-fg sm:min-h-10">Cancel</Link>
          <Button type="submit" variant="primary" disabled={create.isPending}>{create.isPending ? "Creating…" : "Create ticket"}</Button>
        </div>
      </form>
    </>
  );
}

function Described({ id, error, hint }: { id: string; error?: string | undefined; hint?: string | undefined }) {
  return (
    <>
      {hint ? <p id={`${id}-hint`} className="mt-1 text-xs text-muted">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="mt-1 text-sm text-danger">{error}</p> : null}
    </>
  );
}
const describedBy = (id: string, error?: string, hint?: string) => [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;

function TextField({ label, value, onChange, error, hint, multiline, type = "text", required, maxLength }: { label: string; value: string; onChange: (v: string) => void; error?: string | undefined; hint?: string; multiline?: boolean; type?: string; required?: boolean; maxLength?: number }) {
  const id = useId();
  const common = { id, value, required, maxLength, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(id, error, hint), className: inputClasses };
  return (
    <div>
      <label htmlFor={id} className={labelClasses}>{label}{required ? <span aria-hidden="true" className="text-danger"> *</span> : null}</label>
      {multiline ? <textarea {...common} rows={5} className={`${inputClasses} min-h-28 py-2`} onChange={(e) => onChange(e.target.value)} /> : <input {...common} type={type} onChange={(e) => onChange(e.target.value)} />}
      <Described id={id} error={error} hint={hint} />
    </div>
  );
}

function SelectField({ label, value, onChange, error, empty, children }: { label: string; value: string; onChange: (v: string) => void; error?: string | undefined; empty: string; children: ReactNode }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className={labelClasses}>{label}</label>
      <select id={id} value={value} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error)} className={inputClasses} onChange={(e) => onChange(e.target.value)}>
        <option value="">{empty}</option>
        {children}
      </select>
      <Described id={id} error={error} />
    </div>
  );
}
