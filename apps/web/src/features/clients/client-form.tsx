"use client";

import type { RouterOutputs } from "@orchestrator/modules";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from "react";
import { toast } from "~/components/ui/toast";
import { Button } from "~/components/ui/button";
import { inputClasses, labelClasses } from "~/components/ui/field";
import { errorDetails } from "~/trpc/error-code";
import { useTRPC } from "~/trpc/react";
import {
  changedFields,
  clearDraft,
  clientStatusOptions,
  emptyValues,
  fieldLabels,
  fromServerErrors,
  saveDraft,
  takeDraft,
  toBody,
  validate,
  valuesFrom,
  type FieldErrors,
  type FormField,
  type FormValues,
} from "./client-form-model";
import { useOptionLabels } from "./labels";
import { statusLabel } from "./status-badge";
import { useMe } from "~/lib/use-me";

type ClientDoc = RouterOutputs["clients"]["get"];

/** Draft key of the create form (there is no client name yet). */
const NEW_KEY = "new";

/**
 * Create (no `client`) or edit a Client. Checks run in the browser first; the server's field
 * errors land under their fields; nothing the user typed is lost on any error. An edit sends the
 * `modified` it started from: a CONFLICT offers "Reload and re-apply", which loads the saved
 * version and puts the user's changed fields back on top for review.
 */
export function ClientForm({ client, onDone }: { client?: ClientDoc; onDone?: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const me = useMe();
  const labels = useOptionLabels();
  const formId = useId();
  const draftKey = client?.name ?? NEW_KEY;

  const ownDept = me.data?.grants.client?.scope === "own_dept";
  const departments = useMemo(() => {
    const all = labels.departmentOptions;
    return ownDept && me.data ? all.filter((d) => me.data.departments.includes(d.name)) : all;
  }, [labels.departmentOptions, ownDept, me.data]);

  // `dob` is sensitive: only shown (and sent) when the server sent it.
  const fields: FormField[] = client && !("dob" in client) ? ["first_name", "last_name", "status", "admission_date", "discharge_date", "department"] : ["first_name", "last_name", "dob", "status", "admission_date", "discharge_date", "department"];

  const [base, setBase] = useState<{ values: FormValues; modified?: string }>(() => ({ values: client ? valuesFrom(client) : emptyValues(), modified: client?.modified }));
  const [values, setValues] = useState<FormValues>(base.values);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState(false);
  const [notice, setNotice] = useState<string>();
  const errorSummary = useRef<HTMLDivElement>(null);

  // Back from signing in again: restore what the user had typed and, if the session ended while
  // saving, complete that save now (the server still checks everything, a CONFLICT included).
  // A draft left by someone else in this tab (a shared workstation) is dropped, never shown.
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || !me.data) return;
    restored.current = true;
    const draft = takeDraft(draftKey);
    if (!draft || (draft.user && draft.user !== me.data.user)) return;
    setValues(draft.values);
    if (draft.modified) setBase((b) => ({ ...b, modified: draft.modified }));
    if (draft.resume) {
      setNotice("You were signed in again: saving the changes you had made.");
      save(draft.values, draft.modified);
    } else {
      setNotice("Your session had expired. Your changes were kept: check them and press Save.");
    }
    // `save` is recreated every render and deliberately not a dependency: this runs once, when the user is known.
  }, [draftKey, me.data]);

  // Own-department users with one department: pre-filled.
  useEffect(() => {
    if (!client && !values.department && departments.length === 1 && departments[0]) {
      const only = departments[0].name;
      setValues((v) => ({ ...v, department: only }));
    }
  }, [client, departments, values.department]);

  const onError = (error: unknown, sent: FormValues, modified: string | undefined) => {
    const { code, appCode, fieldErrors, message } = errorDetails(error);
    if (code === "UNAUTHORIZED") {
      // The global handler (trpc/session-expired.ts) is sending the user to sign in, and back here
      // afterwards, where this draft completes the save.
      saveDraft(draftKey, { values: sent, modified, user: me.data?.user, resume: true });
      return;
    }
    clearDraft(draftKey);
    if (appCode === "CONFLICT") {
      setConflict(true);
      setErrors({});
      return;
    }
    if (appCode === "VALIDATION" || code === "BAD_REQUEST") {
      const mapped = fromServerErrors(fieldErrors);
      setErrors(Object.keys(mapped).length ? mapped : { form: message });
      return;
    }
    if (appCode === "FORBIDDEN") {
      setErrors({ form: "You don't have permission to save this client with these values." });
      return;
    }
    setErrors({ form: "The client could not be saved. Check your connection and try again; your changes are still here." });
  };

  const create = useMutation(
    trpc.clients.create.mutationOptions({
      onSuccess: async (doc) => {
        clearDraft(NEW_KEY);
        toast.success(`Client ${doc.first_name} ${doc.last_name} created`);
        await queryClient.invalidateQueries({ queryKey: trpc.clients.list.queryKey() });
        router.push(`/clients/${encodeURIComponent(doc.name)}`);
      },
    }),
  );
  const update = useMutation(
    trpc.clients.update.mutationOptions({
      onSuccess: async (doc) => {
        clearDraft(draftKey);
        toast.success("Changes saved");
        const fresh = valuesFrom(doc);
        setBase({ values: fresh, modified: doc.modified });
        setValues(fresh);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.clients.summary.queryKey({ name: doc.name }) }),
          queryClient.invalidateQueries({ queryKey: trpc.clients.list.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.clients.history.queryKey() }),
        ]);
        onDone?.();
      },
    }),
  );
  const pending = create.isPending || update.isPending;

  const set = (field: FormField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  /** Checks `sent` and sends it: a create, or an update of the fields changed since `modified`. */
  const save = (sent: FormValues, modified: string | undefined) => {
    const local = validate(sent, fields);
    if (Object.keys(local).length) {
      setErrors(local);
      queueMicrotask(() => errorSummary.current?.focus());
      return;
    }
    setErrors({});
    // Kept until the server answers: a session that expired mid-edit loses nothing.
    saveDraft(draftKey, { values: sent, modified, user: me.data?.user });
    if (!client) {
      const body = toBody(Object.fromEntries(fields.map((f) => [f, sent[f]])) as Partial<FormValues>);
      create.mutate({ values: body }, { onError: (err) => onError(err, sent, modified) });
      return;
    }
    const changes = changedFields(sent, base.values);
    if (Object.keys(changes).length === 0) {
      clearDraft(draftKey);
      toast.info("Nothing to save: no field was changed");
      onDone?.();
      return;
    }
    update.mutate({ name: client.name, modified: modified ?? client.modified, values: toBody(changes) }, { onError: (err) => onError(err, sent, modified) });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setNotice(undefined);
    save({ ...values }, base.modified);
  };

  /** Loads the saved version and puts the user's own changes back on top. */
  const reloadAndReapply = async () => {
    if (!client) return;
    const mine = changedFields(values, base.values);
    const fresh = await queryClient.fetchQuery({ ...trpc.clients.get.queryOptions({ name: client.name }), staleTime: 0 });
    const freshValues = valuesFrom(fresh);
    setBase({ values: freshValues, modified: fresh.modified });
    setValues({ ...freshValues, ...mine });
    setConflict(false);
    setNotice("Loaded the latest saved version and re-applied your changes. Review them and press Save.");
    void queryClient.invalidateQueries({ queryKey: trpc.clients.summary.queryKey({ name: client.name }) });
  };

  const errorList = fields.filter((f) => errors[f]);

  return (
    <form noValidate onSubmit={submit} aria-label={client ? "Edit client" : "New client"} className="max-w-3xl space-y-5 rounded-lg border border-line bg-surface p-4 sm:p-6">
      {conflict ? (
        <div role="alert" className="rounded-md border border-warn/40 bg-warn-soft px-4 py-3 text-sm">
          <p className="font-semibold text-fg">Someone else saved this client after you opened it</p>
          <p className="mt-1 text-fg">Your changes were not saved, and they are still here. Reload the latest version to put your changes on top of it, then review and save.</p>
          <Button variant="primary" className="mt-3" onClick={() => void reloadAndReapply()}>
            Reload and re-apply
          </Button>
        </div>
      ) : null}
      {notice ? (
        <p role="status" className="rounded-md bg-surface-2 px-4 py-3 text-sm text-fg">
          {notice}
        </p>
      ) : null}
      {errors.form || errorList.length ? (
        <div ref={errorSummary} tabIndex={-1} role="alert" className="rounded-md bg-danger-soft px-4 py-3 text-sm text-danger">
          {errors.form ?? `Please correct ${errorList.length === 1 ? "1 field" : `${errorList.length} fields`} below.`}
        </div>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-2">
        {fields.map((field) => {
          const id = `${formId}-${field}`;
          const err = errors[field];
          const common = { id, name: field, "aria-invalid": err ? true : undefined, "aria-describedby": err ? `${id}-error` : undefined, disabled: pending } as const;
          return (
            <div key={field}>
              <label htmlFor={id} className={labelClasses}>
                {fieldLabels[field]}
                {field === "first_name" || field === "last_name" || field === "department" ? <span className="text-danger" aria-hidden="true"> *</span> : null}
              </label>
              {field === "status" ? (
                <select {...common} className={inputClasses} value={values.status} onChange={(e) => set("status", e.target.value)}>
                  {clientStatusOptions.map((s) => (
                    <option key={s} value={s}>
                      {statusLabel(s)}
                    </option>
                  ))}
                </select>
              ) : field === "department" ? (
                <select {...common} required className={inputClasses} value={values.department} onChange={(e) => set("department", e.target.value)}>
                  <option value="">Choose a department</option>
                  {values.department && !departments.some((d) => d.name === values.department) ? <option value={values.department}>{labels.department(values.department)}</option> : null}
                  {departments.map((d) => (
                    <option key={d.name} value={d.name}>
                      {d.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  {...common}
                  type={field === "first_name" || field === "last_name" ? "text" : "date"}
                  autoComplete="off"
                  required={field === "first_name" || field === "last_name"}
                  className={inputClasses}
                  value={values[field]}
                  onChange={(e) => set(field, e.target.value)}
                />
              )}
              {err ? (
                <p id={`${id}-error`} className="mt-1 text-sm text-danger">
                  {err}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>

      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" disabled={pending || conflict}>
          {pending ? "Saving…" : client ? "Save" : "Create client"}
        </Button>
        <Button
          onClick={() => {
            clearDraft(draftKey);
            if (onDone) onDone();
            else router.push("/clients");
          }}
          disabled={pending}
        >
          Cancel
        </Button>
      </div>
    </form>
  );
}
