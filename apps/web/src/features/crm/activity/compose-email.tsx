"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "~/components/ui/button";
import { toast } from "~/components/ui/toast";
import { formErrors } from "~/trpc/error-code";
import { useTRPC } from "~/trpc/react";
import { SelectField, TextField } from "../form-fields";
import { text } from "../format";
import type { CrmRecordRef } from "./record-ref";
import { useActivityRefresh } from "./use-activity-refresh";

const fields = ["to", "subject", "body"] as const;
type Errors = Partial<Record<(typeof fields)[number] | "form", string>>;
const texts = { forbidden: "You may not e-mail from this record.", fallback: "The e-mail was not sent." };

/**
 * E-mail from a lead or deal through the outbox. A template fills subject and body with merge fields
 * (`{{lead.first_name}}`); "Preview" shows them filled in for this record; the server renders, queues
 * and logs it on the timeline in one transaction. Unknown merge fields come back under their field.
 */
export function ComposeEmail({ record, defaultTo }: { record: CrmRecordRef; defaultTo: string }) {
  const trpc = useTRPC();
  const refresh = useActivityRefresh();
  const templates = useQuery(trpc.crm.emailTemplates.list.queryOptions({ pageSize: 100, sort: { field: "name", direction: "asc" } }));
  const [template, setTemplate] = useState("");
  const [to, setTo] = useState(defaultTo);
  const [subject, setSubject] = useState("");
  const [body, setBody] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [preview, setPreview] = useState<{ to: string; subject: string; body: string } | null>(null);
  const previewing = useMutation(trpc.crm.previewEmail.mutationOptions());
  const input = { ...record, to: to.trim() || undefined, subject, body };

  const send = useMutation(trpc.crm.sendEmail.mutationOptions({
    onSuccess: () => {
      toast.success("E-mail queued for sending");
      setTemplate("");
      setSubject("");
      setBody("");
      setPreview(null);
      setErrors({});
      refresh();
    },
    onError: (e) => setErrors(formErrors(e, fields, texts)),
  }));

  const applyTemplate = (name: string) => {
    setTemplate(name);
    setPreview(null);
    const chosen = templates.data?.rows.find((t) => text(t.name) === name);
    if (!chosen) return;
    setSubject(text(chosen.subject));
    setBody(text(chosen.response));
  };

  const showPreview = async () => {
    try {
      setPreview(await previewing.mutateAsync(input));
      setErrors({});
    } catch (e) {
      setPreview(null);
      setErrors(formErrors(e, fields, { ...texts, fallback: "The preview could not be made." }));
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing: Errors = {};
    if (!subject.trim()) missing.subject = "Write a subject";
    if (!body.trim()) missing.body = "Write the message";
    if (Object.keys(missing).length) return setErrors(missing);
    send.mutate(input);
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Send an e-mail" className="flex flex-col gap-3">
      <SelectField label="Template" value={template} onChange={applyTemplate} empty="No template">
        {(templates.data?.rows ?? []).map((t) => <option key={text(t.name)} value={text(t.name)}>{text(t.name)}</option>)}
      </SelectField>
      <TextField label="To" type="email" value={to} onChange={setTo} error={errors.to} required />
      <TextField label="Subject" value={subject} onChange={(v) => { setSubject(v); setPreview(null); }} error={errors.subject} required maxLength={500} />
      <TextField label="Message" value={body} onChange={(v) => { setBody(v); setPreview(null); }} error={errors.body} multiline required />
      <p className="text-xs text-muted">Merge fields such as {"{{lead.first_name}}"} or {"{{sender.full_name}}"} are filled in when the e-mail is sent.</p>
      {preview ? (
        <section aria-label="Preview" className="rounded-md border border-line bg-surface-2 p-3 text-sm">
          <p className="text-xs text-muted">To {preview.to}</p>
          <p className="mt-1 font-medium">{preview.subject}</p>
          <p className="mt-2 whitespace-pre-line">{preview.body}</p>
        </section>
      ) : null}
      {errors.form ? <p role="alert" className="text-sm text-danger">{errors.form}</p> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="button" disabled={previewing.isPending} onClick={() => void showPreview()}>{previewing.isPending ? "Previewing…" : "Preview"}</Button>
        <Button type="submit" variant="primary" disabled={send.isPending}>{send.isPending ? "Sending…" : "Send e-mail"}</Button>
      </div>
    </form>
  );
}
