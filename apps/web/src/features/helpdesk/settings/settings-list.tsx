"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { ListSkeleton, LoadFailed } from "./states";
import { useSettingsOverview } from "./use-settings";

export interface ListItem {
  key: string;
  href: string;
  title: string;
  detail?: ReactNode;
  badges?: { label: string; tone: "accent" | "muted" | "warn" }[];
}

const tones = { accent: "bg-accent-soft text-fg", muted: "bg-surface-2 text-muted", warn: "bg-warn-soft text-fg" } as const;

/**
 * A settings section's list: one linked row per document (a card-like row on phones), with the
 * loading, failed and empty states, and "New …" for those who may change settings.
 */
export function SettingsList({ title, description, newHref, newLabel, emptyTitle, emptyText, query }: {
  title: string;
  description: string;
  newHref: string;
  newLabel: string;
  emptyTitle: string;
  emptyText: string;
  query: { isPending: boolean; error: unknown; data: ListItem[] | undefined; refetch: () => unknown };
}) {
  const overview = useSettingsOverview();
  const canEdit = overview.data?.canEdit === true;
  const action = canEdit ? (
    <Link href={newHref} className={buttonClasses("primary")}>
      {newLabel}
    </Link>
  ) : null;
  const header = <PageHeader title={title} description={description} actions={action} />;
  if (query.isPending) return <>{header}<ListSkeleton label={`Loading ${title.toLowerCase()}`} /></>;
  if (query.error || !query.data) return <>{header}<LoadFailed error={query.error} what={title} backHref="/helpdesk/settings" retry={() => void query.refetch()} /></>;
  if (query.data.length === 0) return <>{header}<EmptyState title={emptyTitle} action={action}>{emptyText}</EmptyState></>;
  return (
    <>
      {header}
      <ul className="divide-y divide-line overflow-hidden rounded-lg border border-line bg-surface" aria-label={title}>
        {query.data.map((item) => (
          <li key={item.key}>
            <Link href={item.href} className="flex min-h-14 flex-col gap-1 px-4 py-3 hover:bg-surface-2 sm:flex-row sm:items-center sm:gap-4">
              <span className="font-medium text-fg">{item.title}</span>
              {item.badges?.length ? (
                <span className="flex flex-wrap gap-1">
                  {item.badges.map((b) => (
                    <span key={b.label} className={`rounded-full px-2 py-0.5 text-xs font-medium ${tones[b.tone]}`}>
                      {b.label}
                    </span>
                  ))}
                </span>
              ) : null}
              {item.detail ? <span className="text-sm text-muted sm:ml-auto">{item.detail}</span> : null}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
