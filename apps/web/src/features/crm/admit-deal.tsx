"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "~/components/ui/button";
import { toast } from "~/components/ui/toast";
import { errorDetails } from "~/trpc/error-code";
import { useTRPC } from "~/trpc/react";
import { SelectField, TextField } from "./form-fields";
import { text } from "./format";

/** "Admit as client": a won deal becomes a pending Client in the chosen department (managers of the deal's team). */
export function AdmitDeal({ deal }: { deal: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = useQuery(trpc.core.options.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const [department, setDepartment] = useState("");
  const [errors, setErrors] = useState<{ department?: string; form?: string }>({});
  const admit = useMutation(trpc.crm.admitDeal.mutationOptions({
    onSuccess: async (result) => {
      toast.success(`Admitted as client ${text(result.client.name)}`);
      await queryClient.invalidateQueries({ queryKey: trpc.crm.pathKey() });
    },
    onError: (e) => {
      const { fieldErrors, message } = errorDetails(e);
      const dept = fieldErrors.find((f) => f.field === "department")?.message;
      const other = fieldErrors.filter((f) => f.field !== "department").map((f) => f.message).join(" ");
      setErrors({ department: dept, form: other || (dept ? undefined : message) });
    },
  }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!department.trim()) return setErrors({ department: "Choose the department that admits the client" });
    setErrors({});
    admit.mutate({ deal, department: department.trim() });
  };
  const departments = options.data?.departments ?? [];
  return (
    <form onSubmit={submit} noValidate aria-label="Admit as client" className="flex flex-col gap-3">
      <h2 className="text-base font-semibold">Admit as client</h2>
      <p className="text-sm text-muted">Hands the won deal to admissions as a pending client.</p>
      {errors.form ? <p role="alert" className="rounded-md bg-danger-soft px-3 py-2 text-sm text-danger">{errors.form}</p> : null}
      {departments.length ? (
        <SelectField label="Department" value={department} onChange={setDepartment} error={errors.department} empty="Choose…">
          {departments.map((d) => <option key={d.name} value={d.name}>{d.label}</option>)}
        </SelectField>
      ) : (
        <TextField label="Department" value={department} onChange={setDepartment} error={errors.department} />
      )}
      <Button type="submit" variant="primary" disabled={admit.isPending}>{admit.isPending ? "Admitting…" : "Admit as client"}</Button>
    </form>
  );
}
