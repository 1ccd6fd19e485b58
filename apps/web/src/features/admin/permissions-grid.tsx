"use client";

import type { RouterOutputs } from "@orchestrator/modules";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "~/components/ui/toast";
import { categoryLabel } from "~/lib/category-labels";
import { Button } from "~/components/ui/button";
import { ErrorState } from "~/components/ui/error-state";
import { inputClasses } from "~/components/ui/field";
import { PageHeader } from "~/components/ui/page-header";
import { Skeleton } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";
import { toastError } from "./errors";

type Matrix = RouterOutputs["admin"]["permissions"]["matrix"];
type Cell = Matrix["cells"][number];
type Access = Cell["access"];
type Scope = Cell["scope"];

const label = categoryLabel;

/** The role × category permission matrix; each change saves at once (audited, effective immediately). */
export function PermissionsGrid() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const matrixKey = trpc.admin.permissions.matrix.queryKey();
  const matrix = useQuery(trpc.admin.permissions.matrix.queryOptions());
  const save = useMutation(
    trpc.admin.permissions.set.mutationOptions({
      onSuccess: (cell) => {
        queryClient.setQueryData(matrixKey, (old: Matrix | undefined) => (old ? { ...old, cells: [...old.cells.filter((c) => !(c.role === cell.role && c.category === cell.category)), cell] } : old));
        toast.success(`${cell.role} · ${label(cell.category)}: ${cell.access === "none" ? "no access" : `${cell.access}, ${cell.scope === "all" ? "all records" : "own department"}`}`);
      },
      onError: (error) => {
        toastError(error);
        void queryClient.invalidateQueries({ queryKey: matrixKey });
      },
    }),
  );

  const header = <PageHeader title="Permissions" description="Access per role and data category. Changes are saved at once, audited, and apply to signed-in users immediately." />;
  if (matrix.isPending) {
    return (
      <>
        {header}
        <div aria-busy="true" aria-label="Loading permissions" className="space-y-2">
          {Array.from({ length: 6 }, (_, i) => <Skeleton key={i} className="h-10 w-full" />)}
        </div>
      </>
    );
  }
  if (matrix.isError) {
    return (
      <>
        {header}
        <ErrorState action={<Button onClick={() => void matrix.refetch()}>Try again</Button>} />
      </>
    );
  }
  const { roles, categories, cells } = matrix.data;
  const cellOf = (role: string, category: string): Cell => cells.find((c) => c.role === role && c.category === category) ?? { role, category: category as Cell["category"], access: "none", scope: "own_dept" };
  const change = (cell: Cell, patch: Partial<Pick<Cell, "access" | "scope">>) => save.mutate({ ...cell, ...patch });

  return (
    <>
      {header}
      {/* Desktop: the grid, roles as rows, categories as columns. */}
      <div className="hidden overflow-x-auto rounded-lg border border-line bg-surface md:block">
        <table className="min-w-full text-sm">
          <caption className="sr-only">Permission matrix: roles by data category</caption>
          <thead>
            <tr className="border-b border-line text-left">
              <th scope="col" className="sticky left-0 bg-surface px-3 py-2 font-medium">Role</th>
              {categories.map((c) => (
                <th key={c} scope="col" className="px-2 py-2 font-medium whitespace-nowrap">{label(c)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {roles.map((role) => (
              <tr key={role} className="border-b border-line last:border-0">
                <th scope="row" className="sticky left-0 bg-surface px-3 py-2 text-left font-medium whitespace-nowrap">{role}</th>
                {categories.map((c) => (
                  <td key={c} className="px-2 py-2 align-top">
                    <CellEditor cell={cellOf(role, c)} onChange={change} disabled={save.isPending} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {/* Phones: one card per role. */}
      <ul className="space-y-3 md:hidden">
        {roles.map((role) => (
          <li key={role} className="rounded-lg border border-line bg-surface p-3">
            <h2 className="mb-2 text-base font-semibold">{role}</h2>
            <dl className="space-y-2">
              {categories.map((c) => (
                <div key={c} className="flex items-center justify-between gap-2">
                  <dt className="text-sm text-muted">{label(c)}</dt>
                  <dd><CellEditor cell={cellOf(role, c)} onChange={change} disabled={save.isPending} /></dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}

function CellEditor({ cell, onChange, disabled }: { cell: Cell; onChange: (cell: Cell, patch: Partial<Pick<Cell, "access" | "scope">>) => void; disabled: boolean }) {
  const name = `${cell.role} ${label(cell.category)}`;
  return (
    <div className="flex flex-col gap-1" data-cell={`${cell.role}:${cell.category}`}>
      <select aria-label={`${name} access`} className={`${inputClasses} min-w-24`} value={cell.access} disabled={disabled} onChange={(e) => onChange(cell, { access: e.target.value as Access })}>
        <option value="none">None</option>
        <option value="read">Read</option>
        <option value="write">Write</option>
      </select>
      <select aria-label={`${name} scope`} className={`${inputClasses} min-w-24`} value={cell.scope} disabled={disabled || cell.access === "none"} onChange={(e) => onChange(cell, { scope: e.target.value as Scope })}>
        <option value="all">All</option>
        <option value="own_dept">Own dept</option>
        <option value="own_customer">Own customer</option>
        <option value="own_team">Own team</option>
      </select>
    </div>
  );
}
