"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "~/components/ui/button";
import { toast } from "~/components/ui/toast";
import { errorDetails } from "~/trpc/error-code";
import { useTRPC } from "~/trpc/react";
import { TextField } from "../form-fields";
import type { CrmRecordRef } from "./record-ref";
import { useActivityRefresh } from "./use-activity-refresh";

/** A note on a lead or deal. */
export function AddNote({ record }: { record: CrmRecordRef }) {
  const trpc = useTRPC();
  const refresh = useActivityRefresh();
  const [content, setContent] = useState("");
  const [error, setError] = useState<string>();
  const add = useMutation(trpc.crm.notes.create.mutationOptions({
    onSuccess: () => {
      setContent("");
      setError(undefined);
      toast.success("Note added");
      refresh();
    },
    onError: (e) => setError(errorDetails(e).fieldErrors[0]?.message ?? errorDetails(e).message),
  }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!content.trim()) return setError("Write the note first");
    add.mutate({ values: { content: content.trim(), reference_doctype: record.doctype, reference_docname: record.name } });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Add a note" className="flex flex-col gap-2">
      <TextField label="New note" value={content} onChange={setContent} error={error} multiline />
      <Button type="submit" className="self-end" disabled={add.isPending}>{add.isPending ? "Adding…" : "Add note"}</Button>
    </form>
  );
}
