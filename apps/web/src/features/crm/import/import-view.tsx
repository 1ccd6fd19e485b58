"use client";

import type { RouterOutputs } from "@orchestrator/modules";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRef, useState, type RefObject } from "react";
import { Button, buttonClasses } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page-header";
import { toast } from "~/components/ui/toast";
import { errorDetails } from "~/trpc/error-code";
import { useMe } from "~/lib/use-me";
import { useTRPC } from "~/trpc/react";
import { CrmNav } from "../crm-nav";
import { leadHref } from "../format";
import type { ImportTarget } from "./import-columns";
import { ImportForm, type ImportFormErrors } from "./import-form";
import { ImportIssues } from "./import-issues";
import { useCrmCatalogues } from "../use-crm-catalogues";

type Preview = RouterOutputs["crm"]["importPreview"];
type Result = RouterOutputs["crm"]["importConfirm"];
type Step = { kind: "choose" } | { kind: "preview"; csv: string; team: string | undefined; preview: Preview } | { kind: "done"; result: Result };

const noun = (target: ImportTarget, n: number) => `${n.toLocaleString("en-US")} ${target === "leads" ? "lead" : "contact"}${n === 1 ? "" : "s"}`;

function failure(error: unknown, target: ImportTarget): ImportFormErrors {
  const { code, fieldErrors, message } = errorDetails(error);
  if (code === "FORBIDDEN") return { form: target === "contacts" ? "You may not import contacts: they are shared with the helpdesk. Ask a helpdesk agent or an administrator." : "You may not import leads." };
  const file = fieldErrors.find((f) => f.field === "csv")?.message;
  if (file) return { file };
  const team = fieldErrors.find((f) => f.field === "team")?.message;
  if (team) return { team };
  if (code === "PAYLOAD_TOO_LARGE") return { file: message };
  return { form: fieldErrors[0]?.message ?? "The file could not be checked. Try again." };
}

/**
 * CSV import of leads or contacts: the file is checked first (a dry run: counts, and every problem by
 * row, field and problem; nothing is written), then "Import N valid rows" imports exactly those, bound
 * to the checked text by the preview's token.
 */
export function ImportView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>({ kind: "choose" });
  const [errors, setErrors] = useState<ImportFormErrors>({});
  const [confirmError, setConfirmError] = useState<string | undefined>();
  const resultRef = useRef<HTMLHeadingElement>(null);
  const preview = useMutation(trpc.crm.importPreview.mutationOptions());
  const confirm = useMutation(trpc.crm.importConfirm.mutationOptions());
  const me = useMe();
  const catalogues = useCrmCatalogues();
  // The teams the user is in (a manager chooses among theirs); everyone's for a CRM-wide grant, who is in none.
  const allTeams = catalogues.data?.teams ?? [];
  const mine = allTeams.filter((t) => t.members.some((m) => m.user === me.data?.user)).map((t) => t.name);
  const teams = mine.length ? mine : allTeams.map((t) => t.name);

  const check = async (target: ImportTarget, file: File, team: string | undefined) => {
    setErrors({});
    try {
      const csv = await file.text();
      setStep({ kind: "preview", csv, team, preview: await preview.mutateAsync({ target, csv, team }) });
    } catch (error) {
      setErrors(failure(error, target));
    }
  };

  const importRows = async (csv: string, team: string | undefined, p: Preview) => {
    setConfirmError(undefined);
    try {
      const result = await confirm.mutateAsync({ target: p.target, csv, team, token: p.token });
      setStep({ kind: "done", result });
      if (result.counts.imported) toast.success(`Imported ${noun(result.target, result.counts.imported)}`);
      else toast.error("Nothing was imported", { description: "Every row was refused: see the report." });
      void queryClient.invalidateQueries({ queryKey: trpc.crm.pathKey() });
      requestAnimationFrame(() => resultRef.current?.focus());
    } catch (error) {
      const { fieldErrors, message } = errorDetails(error);
      setConfirmError(fieldErrors[0]?.message ?? message);
    }
  };

  const restart = () => { setStep({ kind: "choose" }); setErrors({}); setConfirmError(undefined); };

  return (
    <>
      <PageHeader title="CRM" description="Import leads or contacts from a CSV file" />
      <CrmNav />
      <div className="flex max-w-4xl flex-col gap-4">
        {step.kind === "choose" ? <ImportForm busy={preview.isPending} errors={errors} teams={teams} onSubmit={(target, file, team) => void check(target, file, team)} /> : null}
        {step.kind === "preview" ? (
          <section aria-labelledby="import-report" className="flex flex-col gap-4 rounded-lg border border-line bg-surface p-4">
            <div>
              <h2 id="import-report" className="text-base font-semibold">Dry run: nothing is imported yet</h2>
              <p className="text-sm text-muted">{step.preview.counts.rows.toLocaleString("en-US")} row{step.preview.counts.rows === 1 ? "" : "s"} of {step.preview.target} checked.</p>
            </div>
            <dl className="grid grid-cols-3 gap-2 text-center">
              {([["Valid", step.preview.counts.valid], ["Invalid", step.preview.counts.invalid], ["Duplicates", step.preview.counts.duplicate]] as const).map(([label, n]) => (
                <div key={label} className="rounded-md border border-line p-3">
                  <dt className="text-xs font-semibold tracking-wide text-muted uppercase">{label}</dt>
                  <dd className="text-xl font-semibold tabular-nums">{n.toLocaleString("en-US")}</dd>
                </div>
              ))}
            </dl>
            {step.preview.issues.length ? <ImportIssues caption="Problems found (these rows will not be imported)" issues={step.preview.issues} /> : <p className="text-sm text-fg">No problems found.</p>}
            {confirmError ? <p role="alert" className="rounded-md bg-danger-soft px-3 py-2 text-sm text-danger">{confirmError}</p> : null}
            <div className="flex flex-wrap gap-2">
              <Button variant="primary" disabled={confirm.isPending || step.preview.counts.valid === 0} onClick={() => void importRows(step.csv, step.team, step.preview)}>
                {confirm.isPending ? "Importing…" : step.preview.counts.valid ? `Import ${step.preview.counts.valid.toLocaleString("en-US")} valid row${step.preview.counts.valid === 1 ? "" : "s"}` : "No valid rows to import"}
              </Button>
              <Button onClick={restart}>Choose another file</Button>
            </div>
          </section>
        ) : null}
        {step.kind === "done" ? <ImportDone result={step.result} headingRef={resultRef} onRestart={restart} /> : null}
      </div>
    </>
  );
}

function ImportDone({ result, headingRef, onRestart }: { result: Result; headingRef: RefObject<HTMLHeadingElement | null>; onRestart: () => void }) {
  const leads = result.target === "leads";
  return (
    <section aria-labelledby="import-done" className="flex flex-col gap-4 rounded-lg border border-line bg-surface p-4">
      <h2 id="import-done" ref={headingRef} tabIndex={-1} className="text-base font-semibold">{result.counts.imported ? `Imported ${noun(result.target, result.counts.imported)}` : "Nothing was imported"}</h2>
      {result.imported.length ? (
        <ul aria-label={`Imported ${result.target}`} className="flex flex-wrap gap-2">
          {result.imported.map((name) => (
            <li key={name}>{leads ? <Link href={leadHref(name)} className="font-mono text-sm text-accent underline-offset-2 hover:underline">{name}</Link> : <span className="font-mono text-sm">{name}</span>}</li>
          ))}
        </ul>
      ) : null}
      {!leads && result.imported.length ? <p className="text-sm text-muted">Contacts are shared with the helpdesk; open them from a ticket or a deal.</p> : null}
      {result.issues.length ? <ImportIssues caption="Not imported" issues={result.issues} /> : null}
      <div className="flex flex-wrap gap-2">
        {leads ? <Link href="/crm/leads?sort=creation&dir=desc" className={buttonClasses("primary")}>Open the leads list</Link> : null}
        <Button onClick={onRestart}>Import another file</Button>
      </div>
    </section>
  );
}
