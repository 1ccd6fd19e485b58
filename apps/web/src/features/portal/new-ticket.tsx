"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "~/components/ui/button";
import { inputClasses, labelClasses } from "~/components/ui/field";
import { PageHeader } from "~/components/ui/page-header";
import { toast } from "~/components/ui/toast";
import { ArticleSuggestions, portalArticlePath } from "~/features/helpdesk/kb";
import { useTRPC } from "~/trpc/react";
import { fieldErrorsOf } from "./use-field-errors";
import { BackLink } from "~/components/ui/back-link";

/** Raise a request: subject, what happened, optionally its kind and (for contacts of several) the organisation. */
export function NewPortalTicket() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.portal.me.queryOptions());
  const types = useQuery(trpc.portal.ticketTypes.queryOptions());
  const [subject, setSubject] = useState("");
  const [description, setDescription] = useState("");
  const [type, setType] = useState("");
  const [customer, setCustomer] = useState("");
  const create = useMutation(
    trpc.portal.create.mutationOptions({
      onSuccess: async (doc) => {
        await queryClient.invalidateQueries({ queryKey: trpc.portal.list.queryKey() });
        toast.success(`Request ${String(doc.name)} raised`);
        router.push(`/portal/tickets/${encodeURIComponent(String(doc.name))}`);
      },
    }),
  );
  const { fields, message } = fieldErrorsOf(create.error);
  const organisations = me.data?.customers ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ subject, description, ticket_type: type || undefined, customer: customer || undefined });
  };
  const error = (field: string) => (fields[field] ? <p id={`${field}-error`} className="mt-1 text-sm text-danger">{fields[field]}</p> : null);
  return (
    <>
      <BackLink href="/portal">Your requests</BackLink>
      <PageHeader title="New support request" description="Tell us what happened; we reply here and by e-mail." />
      <form onSubmit={submit} noValidate className="max-w-2xl space-y-4 rounded-lg border border-line bg-surface p-4 sm:p-6">
        {organisations.length > 1 ? (
          <div>
            <label htmlFor="customer" className={labelClasses}>Organisation</label>
            <select id="customer" className={inputClasses} value={customer} onChange={(e) => setCustomer(e.target.value)} aria-invalid={Boolean(fields.customer)} aria-describedby={fields.customer ? "customer-error" : undefined}>
              <option value="">Choose…</option>
              {organisations.map((o) => (
                <option key={o}>{o}</option>
              ))}
            </select>
            {error("customer")}
          </div>
        ) : null}
        <div>
          <label htmlFor="subject" className={labelClasses}>Subject</label>
          <input id="subject" className={inputClasses} value={subject} maxLength={255} onChange={(e) => setSubject(e.target.value)} aria-invalid={Boolean(fields.subject)} aria-describedby={fields.subject ? "subject-error" : undefined} />
          {error("subject")}
        </div>
        <div>
          <label htmlFor="type" className={labelClasses}>What is it about? <span className="font-normal text-muted">(optional)</span></label>
          <select id="type" className={inputClasses} value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">Not sure</option>
            {(types.data ?? []).map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="description" className={labelClasses}>Details</label>
          <textarea id="description" rows={6} className={inputClasses} value={description} onChange={(e) => setDescription(e.target.value)} aria-invalid={Boolean(fields.description)} aria-describedby={fields.description ? "description-error" : undefined} />
          {error("description")}
        </div>
        {/* Answers that may already exist, while the contact writes (published articles only). */}
        <ArticleSuggestions text={`${subject}\n${description}`} hrefFor={portalArticlePath} heading="These articles may answer your question" />
        {message ? <p role="alert" className="text-sm text-danger">{message}</p> : null}
        <div className="flex justify-end gap-2">
          <Link href="/portal" className="inline-flex min-h-11 items-center px-4 text-sm text-muted hover:text-fg sm:min-h-10">Cancel</Link>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? "Sending…" : "Send request"}
          </Button>
        </div>
      </form>
    </>
  );
}
