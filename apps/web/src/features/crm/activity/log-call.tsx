"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "~/components/ui/button";
import { toast } from "~/components/ui/toast";
import { formErrors } from "~/trpc/error-code";
import { useTRPC } from "~/trpc/react";
import { SelectField, TextField } from "../form-fields";
import type { CrmRecordRef } from "./record-ref";
import { useActivityRefresh } from "./use-activity-refresh";

const fields = ["to", "from", "direction", "status", "duration", "note"] as const;
type Errors = Partial<Record<(typeof fields)[number] | "form", string>>;
const outcomes = ["Completed", "No Answer", "Busy", "Failed"] as const;

/**
 * Calls: "Call now" places one through the voice provider (logged with its id and status, updated by
 * its status callbacks); "Log call" records one made outside it, with outcome, minutes and a note.
 */
export function LogCall({ record, defaultTo }: { record: CrmRecordRef; defaultTo: string }) {
  const trpc = useTRPC();
  const refresh = useActivityRefresh();
  const [number, setNumber] = useState(defaultTo);
  const [direction, setDirection] = useState("Outgoing");
  const [status, setStatus] = useState<string>("Completed");
  const [minutes, setMinutes] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const texts = { forbidden: "You may not log calls here.", fallback: "The call was not logged." };
  const place = useMutation(trpc.crm.placeCall.mutationOptions({
    onSuccess: () => {
      toast.success("Calling…");
      setErrors({});
      refresh();
    },
    onError: (e) => setErrors(formErrors(e, fields, { ...texts, fallback: "The call could not be placed." })),
  }));
  const log = useMutation(trpc.crm.calls.create.mutationOptions({
    onSuccess: () => {
      toast.success("Call logged");
      setMinutes("");
      setNote("");
      setErrors({});
      refresh();
    },
    onError: (e) => setErrors(formErrors(e, fields, texts)),
  }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const duration = minutes.trim() ? Math.round(Number(minutes) * 60) : undefined;
    if (duration !== undefined && (!Number.isFinite(duration) || duration < 0)) return setErrors({ duration: "Minutes must be a number" });
    const numbers = direction === "Outgoing" ? { to: number.trim() } : { from: number.trim() };
    log.mutate({ values: { direction, status, ...numbers, ...(duration !== undefined ? { duration } : {}), ...(note.trim() ? { note: note.trim() } : {}), reference_doctype: record.doctype, reference_docname: record.name } });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Log a call" className="flex flex-col gap-3">
      <TextField label="Phone number" type="tel" value={number} onChange={setNumber} error={errors.to ?? errors.from} />
      <div className="flex justify-end">
        <Button type="button" disabled={place.isPending || !number.trim()} onClick={() => place.mutate({ ...record, to: number.trim() })}>{place.isPending ? "Placing the call…" : "Call now"}</Button>
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField label="Direction" value={direction} onChange={setDirection} error={errors.direction}>
          <option value="Outgoing">Outgoing</option>
          <option value="Incoming">Incoming</option>
        </SelectField>
        <SelectField label="Outcome" value={status} onChange={setStatus} error={errors.status}>
          {outcomes.map((o) => <option key={o} value={o}>{o}</option>)}
        </SelectField>
        <TextField label="Minutes" type="number" value={minutes} onChange={setMinutes} error={errors.duration} />
      </div>
      <TextField label="Call note" value={note} onChange={setNote} error={errors.note} multiline />
      {errors.form ? <p role="alert" className="text-sm text-danger">{errors.form}</p> : null}
      <Button type="submit" variant="primary" className="self-end" disabled={log.isPending}>{log.isPending ? "Logging…" : "Log call"}</Button>
    </form>
  );
}
