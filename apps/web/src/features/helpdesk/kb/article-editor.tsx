"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useDeferredValue, useEffect, useRef, useState, type FormEvent } from "react";
import { Button, buttonClasses } from "~/components/ui/button";
import { cx } from "~/components/ui/cx";
import { inputClasses, labelClasses } from "~/components/ui/field";
import { toast } from "~/components/ui/toast";
import { useTRPC } from "~/trpc/react";
import { ArticleSuggestions } from "./article-suggestions";
import { changesSince, checkLocally, emptyValues, outcomeOf, valuesOf, type ArticleDoc, type EditorErrors, type EditorField, type EditorValues } from "./editor-model";
import { articleHref } from "./kb-params";
import { MarkdownContent } from "./markdown";
import { ArticleStatusBadge } from "./status-badge";
import { useCategories } from "./use-categories";

type StatusAction = "publish" | "unpublish" | "archive";
const actionLabels: Record<StatusAction, { label: string; done: string }> = {
  publish: { label: "Publish", done: "Article published" },
  unpublish: { label: "Unpublish", done: "Article moved back to drafts" },
  archive: { label: "Archive", done: "Article archived" },
};

/**
 * Write or edit an article: title, category, Markdown with a live preview (side by side on wide
 * screens, Write / Preview tabs on phones). Publish, Unpublish and Archive save pending changes
 * first. Edits carry the `modified` they started from: a CONFLICT offers to reload the saved version
 * and re-apply the user's changes on top. Nothing typed is lost on any error.
 */
export function ArticleEditor({ article }: { article?: ArticleDoc }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const categories = useCategories();
  const [base, setBase] = useState<{ values: EditorValues; modified?: string; status: ArticleDoc["status"] }>(() => ({ values: article ? valuesOf(article) : emptyValues(), modified: article?.modified, status: article?.status ?? "Draft" }));
  const [values, setValues] = useState<EditorValues>(base.values);
  const [errors, setErrors] = useState<EditorErrors>({});
  const [conflict, setConflict] = useState(false);
  const [tab, setTab] = useState<"write" | "preview">("write");
  const preview = useDeferredValue(values.content);
  const formError = useRef<HTMLParagraphElement>(null);
  const dirty = Object.keys(changesSince(values, base.values)).length > 0;

  // Leaving with unsaved changes asks first (a closed tab, a reload).
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const refresh = async (name: string) => {
    await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.kb.list.queryKey() }), queryClient.invalidateQueries({ queryKey: trpc.kb.get.queryKey({ name }) }), queryClient.invalidateQueries({ queryKey: trpc.kb.categories.queryKey() })]);
  };
  const accept = (doc: ArticleDoc) => {
    const fresh = valuesOf(doc);
    setBase({ values: fresh, modified: doc.modified, status: doc.status });
    setValues(fresh);
    setErrors({});
  };
  const fail = (error: unknown) => {
    const outcome = outcomeOf(error);
    if (outcome.kind === "conflict") setConflict(true);
    else {
      setErrors(outcome.errors);
      if (outcome.errors.form) queueMicrotask(() => formError.current?.focus());
    }
  };

  const create = useMutation(trpc.kb.create.mutationOptions());
  const update = useMutation(trpc.kb.update.mutationOptions());
  const publish = useMutation(trpc.kb.publish.mutationOptions());
  const unpublish = useMutation(trpc.kb.unpublish.mutationOptions());
  const archive = useMutation(trpc.kb.archive.mutationOptions());
  const busy = [create, update, publish, unpublish, archive].some((m) => m.isPending);

  /** Saves the changes (create or update) and, with `action`, then changes the status. */
  const save = async (action?: StatusAction) => {
    const local = checkLocally(values, action === "publish");
    if (Object.keys(local).length) return setErrors(local);
    setErrors({});
    setConflict(false);
    try {
      if (!article) {
        const doc = await create.mutateAsync({ title: values.title, content: values.content, category: values.category || null });
        const done = action === "publish" ? await publish.mutateAsync({ name: doc.name, modified: doc.modified }) : doc;
        setBase({ values, modified: done.modified, status: done.status }); // not dirty: leaving is fine
        toast.success(action === "publish" ? "Article published" : "Draft saved");
        await refresh(doc.name);
        router.push(articleHref(doc.name, true));
        return;
      }
      let doc: ArticleDoc | undefined;
      const changes = changesSince(values, base.values);
      if (Object.keys(changes).length) doc = await update.mutateAsync({ name: article.name, modified: base.modified ?? article.modified, ...changes });
      if (action) doc = await { publish, unpublish, archive }[action].mutateAsync({ name: article.name, modified: doc?.modified ?? base.modified });
      if (doc) {
        accept(doc);
        toast.success(action ? actionLabels[action].done : "Changes saved");
        await refresh(article.name);
      } else toast.info("Nothing to save: no field was changed");
    } catch (error) {
      fail(error);
    }
  };

  /** Loads the saved version and puts the user's own changes back on top. */
  const reloadAndReapply = async () => {
    if (!article) return;
    const mine = changesSince(values, base.values);
    const fresh = await queryClient.fetchQuery({ ...trpc.kb.get.queryOptions({ name: article.name, countView: false }), staleTime: 0 });
    const freshValues = valuesOf(fresh.article);
    setBase({ values: freshValues, modified: fresh.article.modified, status: fresh.article.status });
    setValues({ ...freshValues, ...(mine.title !== undefined ? { title: mine.title } : {}), ...(mine.content !== undefined ? { content: mine.content } : {}), ...(mine.category !== undefined ? { category: mine.category ?? "" } : {}) });
    setConflict(false);
    toast.info("Loaded the latest version and re-applied your changes: review them and save.");
  };

  const set = (field: EditorField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const describedBy = (field: EditorField, hint?: string) => [errors[field] ? `${field}-error` : "", hint ?? ""].filter(Boolean).join(" ") || undefined;
  const fieldError = (field: EditorField) => (errors[field] ? <p id={`${field}-error`} className="mt-1 text-sm text-danger">{errors[field]}</p> : null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };

  const status = base.status;
  const statusActions: StatusAction[] = !article ? ["publish"] : status === "Published" ? ["unpublish", "archive"] : status === "Draft" ? ["publish", "archive"] : ["publish"];

  return (
    <form onSubmit={submit} noValidate aria-label={article ? `Edit ${article.title}` : "New article"} className="flex flex-col gap-4 rounded-lg border border-line bg-surface p-4 sm:p-6">
      {conflict ? (
        <div role="alert" className="flex flex-col gap-2 rounded-md bg-warn-soft px-3 py-2 text-sm text-warn sm:flex-row sm:items-center sm:justify-between">
          <span>Someone saved this article after you opened it. Your changes are still here.</span>
          <Button onClick={() => void reloadAndReapply()}>Reload and re-apply my changes</Button>
        </div>
      ) : null}
      {errors.form ? (
        <p ref={formError} tabIndex={-1} role="alert" className="rounded-md bg-danger-soft px-3 py-2 text-sm text-danger">
          {errors.form}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-2 text-sm text-muted">
        Status: <ArticleStatusBadge status={status} />
        {dirty ? <span>· Unsaved changes</span> : null}
      </div>
      <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div>
          <label htmlFor="article-title" className={labelClasses}>Title</label>
          <input id="article-title" className={inputClasses} value={values.title} maxLength={255} required aria-invalid={Boolean(errors.title)} aria-describedby={describedBy("title")} onChange={(e) => set("title", e.target.value)} />
          {fieldError("title")}
          {/* Before writing a new article: does one already answer this? */}
          {!article ? <ArticleSuggestions text={values.title} heading="Similar published articles" className="mt-2" /> : null}
        </div>
        <div>
          <label htmlFor="article-category" className={labelClasses}>Category</label>
          <select id="article-category" className={inputClasses} value={values.category} aria-invalid={Boolean(errors.category)} aria-describedby={describedBy("category")} onChange={(e) => set("category", e.target.value)}>
            <option value="">No category</option>
            {(categories.data ?? []).map((c) => (
              <option key={c.name} value={c.name}>{c.category_name}</option>
            ))}
          </select>
          {fieldError("category")}
        </div>
      </div>
      <div>
        <div className="mb-1 flex items-center justify-between gap-2">
          <label htmlFor="article-content" className={labelClasses}>Content (Markdown)</label>
          <div role="group" aria-label="Editor view" className="flex gap-1 md:hidden">
            <Button variant={tab === "write" ? "secondary" : "ghost"} aria-pressed={tab === "write"} onClick={() => setTab("write")}>Write</Button>
            <Button variant={tab === "preview" ? "secondary" : "ghost"} aria-pressed={tab === "preview"} onClick={() => setTab("preview")}>Preview</Button>
          </div>
        </div>
        <div className="grid gap-4 md:grid-cols-2">
          <div className={cx(tab === "write" ? "block" : "hidden md:block")}>
            <textarea
              id="article-content"
              className={cx(inputClasses, "min-h-80 py-2 font-mono leading-relaxed sm:min-h-96")}
              value={values.content}
              aria-invalid={Boolean(errors.content)}
              aria-describedby={describedBy("content", "content-hint")}
              onChange={(e) => set("content", e.target.value)}
            />
            <p id="content-hint" className="mt-1 text-xs text-muted">Headings (#), **bold**, lists, [links](https://…), tables and `code`. HTML is not rendered.</p>
            {fieldError("content")}
          </div>
          <section aria-label="Preview" className={cx("min-h-80 rounded-md border border-dashed border-line p-3 sm:min-h-96", tab === "preview" ? "block" : "hidden md:block")}>
            {preview.trim() ? <MarkdownContent source={preview} /> : <p className="text-sm text-muted">The preview appears here as you write.</p>}
          </section>
        </div>
      </div>
      <div className="flex flex-col-reverse gap-2 border-t border-line pt-4 sm:flex-row sm:justify-end">
        {article ? (
          <Link href={articleHref(article.name)} className={buttonClasses("ghost")}>Done</Link>
        ) : (
          <Link href="/helpdesk/kb" className={buttonClasses("ghost")}>Cancel</Link>
        )}
        {statusActions.map((action) => (
          <Button key={action} disabled={busy} onClick={() => void save(action)} variant={action === "publish" ? "primary" : "secondary"}>
            {article && dirty ? `Save and ${actionLabels[action].label.toLowerCase()}` : actionLabels[action].label}
          </Button>
        ))}
        <Button type="submit" disabled={busy}>{article ? "Save" : "Save draft"}</Button>
      </div>
    </form>
  );
}
