"use client";

import type { RouterOutputs } from "@orchestrator/modules";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "~/components/ui/toast";
import { Button } from "~/components/ui/button";
import { OffsetPager } from "~/components/ui/offset-pager";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorState } from "~/components/ui/error-state";
import { inputClasses, labelClasses } from "~/components/ui/field";
import { PageHeader } from "~/components/ui/page-header";
import { Skeleton } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";
import { Drawer } from "./drawer";
import { errorMessage, toastError } from "./errors";

type UserRow = RouterOutputs["admin"]["users"]["list"]["rows"][number];
const PAGE = 20;

/** Users: search, paged table (cards on phones), a drawer to create or edit one. */
export function UsersView() {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [start, setStart] = useState(0);
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const list = useQuery({ ...trpc.admin.users.list.queryOptions({ search: search || undefined, start, limit: PAGE }), placeholderData: keepPreviousData });

  return (
    <>
      <PageHeader title="Users" description={list.data ? `${list.data.total} users` : " "} actions={<Button variant="primary" onClick={() => setEditing("new")}>New user</Button>} />
      <div className="mb-4 max-w-sm">
        <label htmlFor="user-search" className={labelClasses}>Search users</label>
        <input id="user-search" type="search" className={inputClasses} value={search} placeholder="Name or email" onChange={(e) => { setSearch(e.target.value); setStart(0); }} />
      </div>
      {list.isPending ? (
        <div aria-busy="true" aria-label="Loading users" className="space-y-2">{Array.from({ length: 5 }, (_, i) => <Skeleton key={i} className="h-12 w-full" />)}</div>
      ) : list.isError ? (
        <ErrorState action={<Button onClick={() => void list.refetch()}>Try again</Button>} />
      ) : list.data.rows.length === 0 ? (
        <EmptyState title="No users found">Try another search.</EmptyState>
      ) : (
        <>
          <UsersTable rows={list.data.rows} onOpen={setEditing} />
          <OffsetPager start={start} count={list.data.rows.length} total={list.data.total} pageSize={PAGE} onStart={setStart} />
        </>
      )}
      <Drawer title={editing === "new" ? "New user" : "Edit user"} open={editing !== null} onClose={() => setEditing(null)}>
        {editing === "new" ? <CreateUserForm onDone={() => setEditing(null)} /> : editing ? <EditUser name={editing} /> : null}
      </Drawer>
    </>
  );
}

function UsersTable({ rows, onOpen }: { rows: UserRow[]; onOpen: (name: string) => void }) {
  const status = (u: UserRow) => <span className={u.enabled ? "text-fg" : "text-danger"}>{u.enabled ? "Enabled" : "Disabled"}</span>;
  return (
    <>
      <div className="hidden overflow-x-auto rounded-lg border border-line bg-surface sm:block">
        <table className="min-w-full text-sm">
          <thead>
            <tr className="border-b border-line text-left">
              <th scope="col" className="px-3 py-2 font-medium">Name</th>
              <th scope="col" className="px-3 py-2 font-medium">Email</th>
              <th scope="col" className="px-3 py-2 font-medium">Status</th>
              <th scope="col" className="px-3 py-2 font-medium">Last login</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.name} className="border-b border-line last:border-0">
                <td className="px-3 py-2"><button type="button" className="font-medium text-accent hover:underline" onClick={() => onOpen(u.name)}>{u.full_name}</button></td>
                <td className="px-3 py-2">{u.email}</td>
                <td className="px-3 py-2">{status(u)}</td>
                <td className="px-3 py-2 text-muted">{u.last_login ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="space-y-2 sm:hidden">
        {rows.map((u) => (
          <li key={u.name}>
            <button type="button" onClick={() => onOpen(u.name)} className="block min-h-11 w-full rounded-lg border border-line bg-surface p-3 text-left">
              <span className="block font-medium">{u.full_name}</span>
              <span className="block text-sm text-muted">{u.email}</span>
              <span className="block text-sm">{status(u)}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Roles and departments to choose from. */
function useChoices() {
  const trpc = useTRPC();
  const matrix = useQuery(trpc.admin.permissions.matrix.queryOptions());
  const departments = useQuery(trpc.admin.departments.list.queryOptions());
  return { roles: matrix.data?.roles ?? [], departments: (departments.data ?? []).filter((d) => !d.is_group).map((d) => ({ name: d.name, label: d.department_name })) };
}

function CheckboxGroup({ legend, options, value, onChange }: { legend: string; options: { name: string; label: string }[]; value: string[]; onChange: (v: string[]) => void }) {
  return (
    <fieldset className="mb-4">
      <legend className={labelClasses}>{legend}</legend>
      <div className="grid grid-cols-1 gap-1 sm:grid-cols-2">
        {options.map((o) => (
          <label key={o.name} className="flex min-h-11 items-center gap-2 text-sm sm:min-h-8">
            <input type="checkbox" className="size-4" checked={value.includes(o.name)} onChange={(e) => onChange(e.target.checked ? [...value, o.name] : value.filter((v) => v !== o.name))} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function useInvalidateUsers() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.admin.users.pathKey() });
}

function CreateUserForm({ onDone }: { onDone: () => void }) {
  const trpc = useTRPC();
  const choices = useChoices();
  const invalidate = useInvalidateUsers();
  const [form, setForm] = useState({ email: "", fullName: "", password: "", roles: [] as string[], departments: [] as string[] });
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(
    trpc.admin.users.create.mutationOptions({
      onSuccess: (user) => { toast.success(`User ${user.email} created`); void invalidate(); onDone(); },
      onError: (e) => setError(errorMessage(e)),
    }),
  );
  const submit = (e: FormEvent) => { e.preventDefault(); setError(null); create.mutate(form); };
  return (
    <form onSubmit={submit} noValidate={false}>
      <div className="mb-3">
        <label htmlFor="new-email" className={labelClasses}>Email</label>
        <input id="new-email" type="email" required className={inputClasses} value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
      </div>
      <div className="mb-3">
        <label htmlFor="new-name" className={labelClasses}>Full name</label>
        <input id="new-name" required className={inputClasses} value={form.fullName} onChange={(e) => setForm({ ...form, fullName: e.target.value })} />
      </div>
      <div className="mb-3">
        <label htmlFor="new-password" className={labelClasses}>Initial password</label>
        <input id="new-password" type="password" required minLength={8} autoComplete="new-password" className={inputClasses} value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />
      </div>
      <CheckboxGroup legend="Roles" options={choices.roles.map((r) => ({ name: r, label: r }))} value={form.roles} onChange={(roles) => setForm({ ...form, roles })} />
      <CheckboxGroup legend="Departments" options={choices.departments} value={form.departments} onChange={(departments) => setForm({ ...form, departments })} />
      {error ? <p role="alert" className="mb-3 text-sm text-danger">{error}</p> : null}
      <Button type="submit" variant="primary" disabled={create.isPending}>Create user</Button>
    </form>
  );
}

function EditUser({ name }: { name: string }) {
  const trpc = useTRPC();
  const user = useQuery(trpc.admin.users.get.queryOptions({ name }));
  if (user.isPending) return <Skeleton className="h-40 w-full" />;
  if (user.isError) return <ErrorState>{errorMessage(user.error)}</ErrorState>;
  return <EditUserForm key={user.data.modified} user={user.data} />;
}

function EditUserForm({ user }: { user: RouterOutputs["admin"]["users"]["get"] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const choices = useChoices();
  const invalidate = useInvalidateUsers();
  const [roles, setRoles] = useState(user.roles);
  const [departments, setDepartments] = useState(user.departments);
  const [password, setPassword] = useState("");
  const done = (message: string) => { toast.success(message); void invalidate(); void queryClient.invalidateQueries({ queryKey: trpc.admin.users.get.queryKey({ name: user.name }) }); };
  const membership = useMutation(trpc.admin.users.setMembership.mutationOptions({ onSuccess: () => done("Roles and departments saved"), onError: toastError }));
  const enabled = useMutation(trpc.admin.users.setEnabled.mutationOptions({ onSuccess: (u) => done(u.enabled ? "User enabled" : "User disabled; their sessions have ended"), onError: toastError }));
  const reset = useMutation(trpc.admin.users.resetPassword.mutationOptions({ onSuccess: (r) => { setPassword(""); done(`Password reset; ${r.sessionsEnded} session(s) ended`); }, onError: toastError }));

  return (
    <div className="space-y-6">
      <div>
        <p className="font-medium">{user.full_name}</p>
        <p className="text-sm text-muted">{user.email}</p>
        <p className="mt-2 text-sm">Status: {user.enabled ? "Enabled" : "Disabled"}</p>
        <Button className="mt-2" disabled={enabled.isPending} onClick={() => enabled.mutate({ name: user.name, enabled: !user.enabled })}>{user.enabled ? "Disable user" : "Enable user"}</Button>
      </div>
      <form onSubmit={(e) => { e.preventDefault(); membership.mutate({ name: user.name, roles, departments, modified: user.modified }); }}>
        <CheckboxGroup legend="Roles" options={choices.roles.map((r) => ({ name: r, label: r }))} value={roles} onChange={setRoles} />
        <CheckboxGroup legend="Departments" options={choices.departments} value={departments} onChange={setDepartments} />
        <Button type="submit" variant="primary" disabled={membership.isPending}>Save roles and departments</Button>
      </form>
      <form onSubmit={(e) => { e.preventDefault(); reset.mutate({ name: user.name, password }); }}>
        <label htmlFor="reset-password" className={labelClasses}>New password</label>
        <input id="reset-password" type="password" required minLength={8} autoComplete="new-password" className={inputClasses} value={password} onChange={(e) => setPassword(e.target.value)} />
        <Button type="submit" className="mt-2" disabled={reset.isPending || !password}>Reset password</Button>
      </form>
    </div>
  );
}
