"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "~/components/ui/button";
import { toast } from "~/components/ui/toast";
import { formErrors } from "~/trpc/error-code";
import { useTRPC } from "~/trpc/react";
import { SelectField, TextField } from "../form-fields";
import { localInputToTimestamp } from "./local-time";
import type { CrmRecordRef } from "./record-ref";
import { useActivityRefresh } from "./use-activity-refresh";

const fields = ["title", "due_date", "reminder_at", "priority", "description"] as const;
type Errors = Partial<Record<(typeof fields)[number] | "form", string>>;

/**
 * A follow-up on a lead or deal: due time and an optional reminder (delivered in the app and by
 * e-mail at that time by the worker). Assigned to whoever adds it; it shows on their "My day".
 */
export function AddTask({ record }: { record: CrmRecordRef }) {
  const trpc = useTRPC();
  const refresh = useActivityRefresh();
  const [title, setTitle] = useState("");
  const [due, setDue] = useState("");
  const [reminder, setReminder] = useState("");
  const [priority, setPriority] = useState("Medium");
  const [errors, setErrors] = useState<Errors>({});
  const create = useMutation(trpc.crm.tasks.create.mutationOptions({
    onSuccess: () => {
      toast.success("Follow-up added");
      setTitle("");
      setDue("");
      setReminder("");
      setErrors({});
      refresh();
    },
    onError: (e) => setErrors(formErrors(e, fields, { forbidden: "You may not add follow-ups here.", fallback: "The follow-up was not added." })),
  }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return setErrors({ title: "Say what to follow up" });
    const due_date = localInputToTimestamp(due);
    const reminder_at = localInputToTimestamp(reminder);
    create.mutate({ values: { title: title.trim(), priority, status: "Todo", reference_doctype: record.doctype, reference_docname: record.name, ...(due_date ? { due_date } : {}), ...(reminder_at ? { reminder_at } : {}) } });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Add a follow-up" className="flex flex-col gap-3">
      <TextField label="Follow-up" value={title} onChange={setTitle} error={errors.title} required maxLength={255} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Due" type="datetime-local" value={due} onChange={setDue} error={errors.due_date} />
        <TextField label="Remind me at" type="datetime-local" value={reminder} onChange={setReminder} error={errors.reminder_at} />
      </div>
      <SelectField label="Priority" value={priority} onChange={setPriority} error={errors.priority}>
        {["Low", "Medium", "High"].map((p) => <option key={p} value={p}>{p}</option>)}
      </SelectField>
      {errors.form ? <p role="alert" className="text-sm text-danger">{errors.form}</p> : null}
      <Button type="submit" variant="primary" className="self-end" disabled={create.isPending}>{create.isPending ? "Adding…" : "Add follow-up"}</Button>
    </form>
  );
}
