"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "~/components/ui/button";
import { toast } from "~/components/ui/toast";
import { errorDetails } from "~/trpc/error-code";
import { useTRPC } from "~/trpc/react";
import { TextField } from "./form-fields";

/** A note on a lead or deal; `onAdded` refreshes the timeline. */
export function AddNote({ doctype, name, onAdded }: { doctype: "CRM Lead" | "CRM Deal"; name: string; onAdded: () => void }) {
  const trpc = useTRPC();
  const [content, setContent] = useState("");
  const [error, setError] = useState<string>();
  const add = useMutation(trpc.crm.notes.create.mutationOptions({
    onSuccess: () => {
      setContent("");
      setError(undefined);
      toast.success("Note added");
      onAdded();
    },
    onError: (e) => setError(errorDetails(e).fieldErrors[0]?.message ?? errorDetails(e).message),
  }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!content.trim()) return setError("Write the note first");
    add.mutate({ values: { content: content.trim(), reference_doctype: doctype, reference_docname: name } });
  };
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-2">
      <TextField label="New note" value={content} onChange={setContent} error={error} multiline />
      <Button type="submit" className="self-end" disabled={add.isPending}>{add.isPending ? "Adding…" : "Add note"}</Button>
    </form>
  );
}
