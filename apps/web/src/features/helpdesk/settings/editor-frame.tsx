"use client";

import Link from "next/link";
import { useEffect, useRef, type FormEvent, type ReactNode } from "react";
import { Button, buttonClasses } from "~/components/ui/button";
import type { FieldErrors, SaveFailure } from "./server-errors";

/**
 * The frame of every settings editor: the conflict banner (someone saved after this was opened),
 * the error summary (every server message, so none is lost even when its field is not on screen),
 * the form, and Save / Cancel / Delete. Buttons stack full-width on phones.
 */
export function EditorFrame({ label, failure, saving, canEdit, backHref, onSubmit, onReload, onKeepMine, onDelete, children }: {
  label: string;
  failure: SaveFailure | null;
  saving: boolean;
  canEdit: boolean;
  backHref: string;
  onSubmit: () => void;
  onReload: () => void;
  onKeepMine: () => void;
  onDelete?: (() => void) | undefined;
  children: ReactNode;
}) {
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure) summary.current?.focus();
  }, [failure]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form noValidate aria-label={label} onSubmit={submit} className="max-w-4xl space-y-5">
      {!canEdit ? (
        <p role="status" className="rounded-md bg-surface-2 px-4 py-3 text-sm text-fg">
          You can look at these settings; changing them needs helpdesk write access on all records.
        </p>
      ) : null}
      <div ref={summary} tabIndex={-1} className="outline-none">
        {failure ? <FailureBanner failure={failure} onReload={onReload} onKeepMine={onKeepMine} /> : null}
      </div>
      {children}
      {canEdit ? (
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
          <Button type="submit" variant="primary" disabled={saving}>
            {saving ? "Saving…" : "Save"}
          </Button>
          <Link href={backHref} className={buttonClasses("secondary")}>
            Cancel
          </Link>
          {onDelete ? (
            <Button variant="danger" className="sm:ml-auto" disabled={saving} onClick={onDelete}>
              Delete
            </Button>
          ) : null}
        </div>
      ) : (
        <Link href={backHref} className={buttonClasses("secondary")}>
          Back
        </Link>
      )}
    </form>
  );
}

function FailureBanner({ failure, onReload, onKeepMine }: { failure: SaveFailure; onReload: () => void; onKeepMine: () => void }) {
  if (failure.kind === "conflict") {
    return (
      <div role="alert" className="rounded-md border border-warn/40 bg-warn-soft px-4 py-3 text-sm">
        <p className="font-semibold text-fg">Someone else saved this after you opened it</p>
        <p className="mt-1 text-fg">Your changes were not saved and are still here. Load the saved version (your changes are dropped), or keep your changes and save them over it.</p>
        <div className="mt-3 flex flex-col gap-2 sm:flex-row">
          <Button variant="primary" onClick={onReload}>
            Load the saved version
          </Button>
          <Button onClick={onKeepMine}>Keep my changes</Button>
        </div>
      </div>
    );
  }
  if (failure.kind === "fields") return <FieldSummary fields={failure.fields} />;
  return (
    <p role="alert" className="rounded-md bg-danger-soft px-4 py-3 text-sm text-danger">
      {failure.message}
    </p>
  );
}

function FieldSummary({ fields }: { fields: FieldErrors }) {
  const messages = [...new Set(Object.values(fields))];
  return (
    <div role="alert" className="rounded-md bg-danger-soft px-4 py-3 text-sm text-danger">
      <p className="font-semibold">Not saved: please correct {messages.length === 1 ? "this" : `these ${messages.length} problems`}.</p>
      <ul className="mt-1 list-disc pl-5">
        {messages.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </div>
  );
}
