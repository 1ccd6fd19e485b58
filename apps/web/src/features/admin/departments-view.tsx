"use client";

import type { RouterOutputs } from "@orchestrator/modules";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "~/components/ui/toast";
import { Button } from "~/components/ui/button";
import { ErrorState } from "~/components/ui/error-state";
import { inputClasses, labelClasses } from "~/components/ui/field";
import { PageHeader } from "~/components/ui/page-header";
import { Skeleton } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";
import { toastError } from "./errors";

type Department = RouterOutputs["admin"]["departments"]["list"][number];

/** The department tree: create, rename, and move under another parent (cycles are refused by the server). */
export function DepartmentsView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.admin.departments.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.departments.list.queryKey() });
  const create = useMutation(trpc.admin.departments.create.mutationOptions({ onSuccess: (d) => { toast.success(`Department ${d.department_name} created`); void refresh(); }, onError: toastError }));
  const [form, setForm] = useState({ departmentName: "", parent: "", isGroup: false });

  const header = <PageHeader title="Departments" description="The department tree. Users and clients belong to departments; group departments hold other departments." />;
  if (list.isPending) return <>{header}<div aria-busy="true" aria-label="Loading departments" className="space-y-2">{Array.from({ length: 4 }, (_, i) => <Skeleton key={i} className="h-10 w-full" />)}</div></>;
  if (list.isError) return <>{header}<ErrorState action={<Button onClick={() => void list.refetch()}>Try again</Button>} /></>;

  const all = list.data;
  const roots = all.filter((d) => !d.parent_department || !all.some((p) => p.name === d.parent_department));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ departmentName: form.departmentName, parent: form.parent || null, isGroup: form.isGroup }, { onSuccess: () => setForm({ departmentName: "", parent: "", isGroup: false }) });
  };

  return (
    <>
      {header}
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <section aria-label="Department tree" className="rounded-lg border border-line bg-surface p-3">
          <ul role="tree" aria-label="Departments">
            {roots.map((d) => <TreeNode key={d.name} department={d} all={all} level={1} onChanged={refresh} />)}
          </ul>
        </section>
        <form onSubmit={submit} className="rounded-lg border border-line bg-surface p-4" aria-label="New department">
          <h2 className="mb-3 text-base font-semibold">New department</h2>
          <div className="mb-3">
            <label htmlFor="dept-name" className={labelClasses}>Department name</label>
            <input id="dept-name" required className={inputClasses} value={form.departmentName} onChange={(e) => setForm({ ...form, departmentName: e.target.value })} />
          </div>
          <div className="mb-3">
            <label htmlFor="dept-parent" className={labelClasses}>Parent department</label>
            <select id="dept-parent" className={inputClasses} value={form.parent} onChange={(e) => setForm({ ...form, parent: e.target.value })}>
              <option value="">(top level)</option>
              {all.map((d) => <option key={d.name} value={d.name}>{d.department_name}</option>)}
            </select>
          </div>
          <label className="mb-3 flex min-h-11 items-center gap-2 text-sm">
            <input type="checkbox" className="size-4" checked={form.isGroup} onChange={(e) => setForm({ ...form, isGroup: e.target.checked })} />
            Group (holds other departments)
          </label>
          <Button type="submit" variant="primary" disabled={create.isPending}>Create department</Button>
        </form>
      </div>
    </>
  );
}

function TreeNode({ department, all, level, onChanged }: { department: Department; all: Department[]; level: number; onChanged: () => unknown }) {
  const trpc = useTRPC();
  const children = all.filter((d) => d.parent_department === department.name);
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(department.department_name);
  const [parent, setParent] = useState(department.parent_department ?? "");
  const rename = useMutation(trpc.admin.departments.rename.mutationOptions({ onError: toastError }));
  const move = useMutation(trpc.admin.departments.move.mutationOptions({ onError: toastError }));
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      if (title !== department.department_name) await rename.mutateAsync({ name: department.name, departmentName: title });
      if (parent !== (department.parent_department ?? "")) await move.mutateAsync({ name: department.name, parent: parent || null });
      toast.success(`Department ${title} saved`);
      setEditing(false);
    } catch {
      // toastError already said why
    } finally {
      void onChanged();
    }
  };
  return (
    <li role="treeitem" aria-expanded={children.length ? true : undefined} aria-selected={false} aria-level={level} className="py-1">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{department.department_name}</span>
        {department.is_group ? <span className="rounded bg-surface-2 px-1.5 text-xs text-muted">group</span> : null}
        <Button variant="ghost" className="min-h-9 px-2 text-xs" aria-label={`Edit ${department.department_name}`} onClick={() => setEditing(!editing)}>Edit</Button>
      </div>
      {editing ? (
        <form onSubmit={(e) => void save(e)} className="my-2 grid gap-2 rounded-md border border-line p-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
          <div>
            <label htmlFor={`title-${department.name}`} className={labelClasses}>Name</label>
            <input id={`title-${department.name}`} required className={inputClasses} value={title} onChange={(e) => setTitle(e.target.value)} />
          </div>
          <div>
            <label htmlFor={`parent-${department.name}`} className={labelClasses}>Parent</label>
            <select id={`parent-${department.name}`} className={inputClasses} value={parent} onChange={(e) => setParent(e.target.value)}>
              <option value="">(top level)</option>
              {all.filter((d) => d.name !== department.name).map((d) => <option key={d.name} value={d.name}>{d.department_name}</option>)}
            </select>
          </div>
          <Button type="submit" variant="primary" disabled={rename.isPending || move.isPending}>Save</Button>
        </form>
      ) : null}
      {children.length ? (
        <ul role="group" className="ml-4 border-l border-line pl-3">
          {children.map((c) => <TreeNode key={c.name} department={c} all={all} level={level + 1} onChanged={onChanged} />)}
        </ul>
      ) : null}
    </li>
  );
}
