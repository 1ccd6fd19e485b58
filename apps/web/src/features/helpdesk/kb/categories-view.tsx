"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorState } from "~/components/ui/error-state";
import { inputClasses, labelClasses } from "~/components/ui/field";
import { ConfirmDialog, DialogActions, ModalDialog } from "~/components/ui/modal-dialog";
import { PageHeader } from "~/components/ui/page-header";
import { Skeleton } from "~/components/ui/skeleton";
import { toast } from "~/components/ui/toast";
import { fieldErrorsOf } from "~/features/portal/use-field-errors";
import { can, useMe } from "~/lib/use-me";
import { useTRPC } from "~/trpc/react";
import { KbTabs } from "./kb-tabs";
import { useCategories } from "./use-categories";

type Category = NonNullable<ReturnType<typeof useCategories>["data"]>[number];

/** /helpdesk/kb/categories: the categories in display order, with their article counts; add, edit, delete. */
export function CategoriesView() {
  const me = useMe();
  const categories = useCategories();
  const [editing, setEditing] = useState<Category | "new" | null>(null);
  const [deleting, setDeleting] = useState<Category | null>(null);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.kb.deleteCategory.mutationOptions({
      onSuccess: async () => {
        toast.success("Category deleted");
        setDeleting(null);
        await queryClient.invalidateQueries({ queryKey: trpc.kb.categories.queryKey() });
      },
      onError: (error) => {
        const { fields, message } = fieldErrorsOf(error);
        toast.error(Object.values(fields)[0] ?? message ?? "The category could not be deleted");
        setDeleting(null);
      },
    }),
  );
  const writer = can(me.data, "helpdesk", "write");

  return (
    <>
      <KbTabs />
      <PageHeader title="Article categories" description="Group articles for agents and for the customer portal." actions={writer ? <Button variant="primary" onClick={() => setEditing("new")}>New category</Button> : undefined} />
      {categories.isPending ? (
        <div aria-busy="true" aria-label="Loading categories" className="flex flex-col gap-2">
          <Skeleton className="h-14 w-full" />
          <Skeleton className="h-14 w-full" />
        </div>
      ) : categories.error ? (
        <ErrorState title="Categories could not be loaded" action={<Button variant="primary" onClick={() => void categories.refetch()}>Try again</Button>} />
      ) : categories.data.length === 0 ? (
        <EmptyState title="No categories yet">Articles can live without one; add categories to group them.</EmptyState>
      ) : (
        <ul className="flex flex-col divide-y divide-line rounded-lg border border-line bg-surface">
          {categories.data.map((c) => (
            <li key={c.name} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <p className="font-medium text-fg">{c.category_name}</p>
                <p className="text-sm text-muted">
                  {c.articles} article{c.articles === 1 ? "" : "s"}
                  {c.description ? ` · ${c.description}` : ""}
                </p>
              </div>
              {writer ? (
                <div className="flex gap-2">
                  <Button onClick={() => setEditing(c)} aria-label={`Edit ${c.category_name}`}>Edit</Button>
                  <Button variant="ghost" onClick={() => setDeleting(c)} aria-label={`Delete ${c.category_name}`}>Delete</Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editing ? <CategoryDialog category={editing === "new" ? undefined : editing} onClose={() => setEditing(null)} /> : null}
      {deleting ? (
        <ConfirmDialog
          title={`Delete ${deleting.category_name}?`}
          description={deleting.articles ? "It still has articles: move them to another category first." : "This cannot be undone."}
          confirmLabel="Delete"
          busy={remove.isPending}
          onConfirm={() => remove.mutate({ name: deleting.name })}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </>
  );
}

function CategoryDialog({ category, onClose }: { category?: Category; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(category?.category_name ?? "");
  const [description, setDescription] = useState(category?.description ?? "");
  const [order, setOrder] = useState(String(category?.sort_order ?? 0));
  const done = async (message: string) => {
    toast.success(message);
    await queryClient.invalidateQueries({ queryKey: trpc.kb.categories.queryKey() });
    onClose();
  };
  const create = useMutation(trpc.kb.createCategory.mutationOptions({ onSuccess: () => done("Category added") }));
  const update = useMutation(trpc.kb.updateCategory.mutationOptions({ onSuccess: () => done("Category saved") }));
  const { fields, message } = fieldErrorsOf(create.error ?? update.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const values = { category_name: name, description: description || null, sort_order: Number.parseInt(order, 10) || 0 };
    if (category) update.mutate({ name: category.name, modified: category.modified, ...values });
    else create.mutate(values);
  };
  const error = (field: string) => (fields[field] ? <p id={`cat-${field}-error`} className="mt-1 text-sm text-danger">{fields[field]}</p> : null);
  return (
    <ModalDialog title={category ? `Edit ${category.category_name}` : "New category"} onClose={onClose}>
      <form onSubmit={submit} noValidate className="flex flex-col gap-3">
        {message ? <p role="alert" className="rounded-md bg-danger-soft px-3 py-2 text-sm text-danger">{message}</p> : null}
        <div>
          <label htmlFor="cat-name" className={labelClasses}>Name</label>
          <input id="cat-name" className={inputClasses} value={name} maxLength={140} required onChange={(e) => setName(e.target.value)} aria-invalid={Boolean(fields.category_name)} aria-describedby={fields.category_name ? "cat-category_name-error" : undefined} />
          {error("category_name")}
        </div>
        <div>
          <label htmlFor="cat-description" className={labelClasses}>Description</label>
          <textarea id="cat-description" className={`${inputClasses} min-h-20 py-2 sm:min-h-20`} value={description} maxLength={2000} onChange={(e) => setDescription(e.target.value)} />
          {error("description")}
        </div>
        <div>
          <label htmlFor="cat-order" className={labelClasses}>Order</label>
          <input id="cat-order" type="number" inputMode="numeric" className={inputClasses} value={order} onChange={(e) => setOrder(e.target.value)} aria-invalid={Boolean(fields.sort_order)} />
          {error("sort_order")}
        </div>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={create.isPending || update.isPending}>{category ? "Save" : "Add category"}</Button>
        </DialogActions>
      </form>
    </ModalDialog>
  );
}
