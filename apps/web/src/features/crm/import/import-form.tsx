"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "~/components/ui/button";
import { labelClasses } from "~/components/ui/field";
import { SelectField } from "../form-fields";
import { expectedHeaderOf, IMPORT_HEADERS, IMPORT_MAX_BYTES, type ImportTarget } from "./import-columns";

export interface ImportFormErrors {
  file?: string;
  team?: string;
  form?: string;
}

/**
 * Step 1 of an import: what the file holds (leads or contacts) and the file itself. The expected
 * header is shown before choosing; a problem with the file (wrong header, too big) appears under the
 * file field, described by it. Leads join the team chosen here (preselected when the user has one).
 */
export function ImportForm({ busy, errors, teams, onSubmit }: { busy: boolean; errors: ImportFormErrors; teams: string[]; onSubmit: (target: ImportTarget, file: File, team: string | undefined) => void }) {
  const [target, setTarget] = useState<ImportTarget>("leads");
  const [team, setTeam] = useState("");
  const chosenTeam = team || (teams.length === 1 ? teams[0]! : "");
  const [file, setFile] = useState<File | null>(null);
  const [local, setLocal] = useState<string | undefined>();
  const fileId = useId();
  const hintId = useId();
  const errorId = useId();
  const fileError = local ?? errors.file;
  const expected = fileError ? expectedHeaderOf(fileError) : undefined;
  const message = expected ? fileError?.replace(/\s*Expected header: \S+\s*$/, "") : fileError;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setLocal("Choose a CSV file to check");
    if (file.size > IMPORT_MAX_BYTES) return setLocal(`The file is larger than ${IMPORT_MAX_BYTES / 1_000_000} MB: split it into smaller files`);
    setLocal(undefined);
    onSubmit(target, file, target === "leads" && chosenTeam ? chosenTeam : undefined);
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Check a CSV file" className="flex flex-col gap-4 rounded-lg border border-line bg-surface p-4">
      <fieldset>
        <legend className={labelClasses}>The file holds</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-1">
          {(["leads", "contacts"] as const).map((t) => (
            <label key={t} className="flex min-h-11 cursor-pointer items-center gap-2 text-sm sm:min-h-10">
              <input type="radio" name="import-target" value={t} checked={target === t} onChange={() => setTarget(t)} className="size-5 accent-accent" />
              {t === "leads" ? "Leads" : "Contacts"}
            </label>
          ))}
        </div>
      </fieldset>
      {target === "leads" && teams.length ? (
        <SelectField label="Team of the new leads" value={chosenTeam} onChange={setTeam} error={errors.team} empty={teams.length > 1 ? "Choose a team" : undefined} className="max-w-sm">
          {teams.map((t) => <option key={t} value={t}>{t}</option>)}
        </SelectField>
      ) : null}
      <div>
        <label htmlFor={fileId} className={labelClasses}>CSV file</label>
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv"
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? `${errorId} ${hintId}` : hintId}
          onChange={(e) => { setFile(e.target.files?.[0] ?? null); setLocal(undefined); }}
          className="block w-full text-sm text-fg file:mr-3 file:min-h-11 file:rounded-md file:border file:border-line file:bg-surface-2 file:px-4 file:text-sm file:font-medium file:text-fg sm:file:min-h-10"
        />
        {fileError ? (
          <div id={errorId} className="mt-1 text-sm text-danger">
            <p>{message}</p>
            {expected ? <p className="mt-1">Expected header: <code className="rounded bg-danger-soft px-1 font-mono break-all">{expected}</code></p> : null}
          </div>
        ) : null}
        <p id={hintId} className="mt-1 text-sm text-muted">
          First row, in any order: <code className="font-mono break-all">{IMPORT_HEADERS[target]}</code>.{" "}
          <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(`${IMPORT_HEADERS[target]}\r\n`)}`} download={`${target}-template.csv`} className="font-medium text-accent underline-offset-2 hover:underline">Download a template</a>
        </p>
      </div>
      {errors.form ? <p role="alert" className="rounded-md bg-danger-soft px-3 py-2 text-sm text-danger">{errors.form}</p> : null}
      <div>
        <Button type="submit" variant="primary" disabled={busy}>{busy ? "Checking…" : "Check file"}</Button>
      </div>
    </form>
  );
}
