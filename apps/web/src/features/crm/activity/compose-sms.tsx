"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "~/components/ui/button";
import { toast } from "~/components/ui/toast";
import { formErrors } from "~/trpc/error-code";
import { useTRPC } from "~/trpc/react";
import { TextField } from "../form-fields";
import type { CrmRecordRef } from "./record-ref";
import { useActivityRefresh } from "./use-activity-refresh";

const fields = ["to", "body"] as const;
type Errors = Partial<Record<(typeof fields)[number] | "form", string>>;
/** The provider's limit for one message (ten segments). */
const MAX_LENGTH = 1600;

/** An SMS from a lead or deal through the SMS provider; the provider's answer (sent, refused number) is on the timeline. */
export function ComposeSms({ record, defaultTo }: { record: CrmRecordRef; defaultTo: string }) {
  const trpc = useTRPC();
  const refresh = useActivityRefresh();
  const [to, setTo] = useState(defaultTo);
  const [body, setBody] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const send = useMutation(trpc.crm.sendSms.mutationOptions({
    onSuccess: (log) => {
      toast.success(`SMS ${typeof log.status === "string" ? log.status.toLowerCase() : "sent"}`);
      setBody("");
      setErrors({});
      refresh();
    },
    onError: (e) => {
      setErrors(formErrors(e, fields, { forbidden: "You may not text from this record.", fallback: "The SMS was not sent." }));
      // A number the provider refused is logged as a failed message.
      refresh();
    },
  }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!to.trim()) return setErrors({ to: "Enter a mobile number" });
    if (!body.trim()) return setErrors({ body: "Write the message" });
    send.mutate({ ...record, to: to.trim(), body });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Send an SMS" className="flex flex-col gap-3">
      <TextField label="To (mobile number)" type="tel" value={to} onChange={setTo} error={errors.to} required />
      <TextField label="Message" value={body} onChange={setBody} error={errors.body} multiline required maxLength={MAX_LENGTH} />
      <p className="text-xs text-muted" aria-live="polite">{body.length} / {MAX_LENGTH} characters</p>
      {errors.form ? <p role="alert" className="text-sm text-danger">{errors.form}</p> : null}
      <Button type="submit" variant="primary" className="self-end" disabled={send.isPending}>{send.isPending ? "Sending…" : "Send SMS"}</Button>
    </form>
  );
}
