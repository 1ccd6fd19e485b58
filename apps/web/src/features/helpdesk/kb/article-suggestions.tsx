"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { Button } from "~/components/ui/button";
import { cx } from "~/components/ui/cx";
import { useDebouncedValue } from "~/components/command-palette/use-debounced-value";
import { useTRPC } from "~/trpc/react";

/** What `onInsertLink` gets: the article, the URL customers open, and a ready Markdown link. */
export interface ArticleLink {
  name: string;
  title: string;
  url: string;
  markdown: string;
}

const DEBOUNCE_MS = 400;
/** Below this many characters there is nothing worth searching for. */
const MIN_CHARS = 4;
const MAX_TEXT = 20_000;

/** Where customers read a published article (the portal's article page). */
export const portalArticlePath = (name: string) => `/portal/kb/${encodeURIComponent(name)}`;
/** Where staff read one. */
export const staffArticlePath = (name: string) => `/helpdesk/kb/${encodeURIComponent(name)}`;

/**
 * Suggested articles while a ticket is written (the agent's composer, the portal's new-ticket form):
 * `text` (subject + description) is sent to `kb.suggest` once typing pauses, and the top published
 * articles are listed, each opening in a new tab (`hrefFor`), with "Insert link" when `onInsertLink`
 * is given (the link points at `linkPath`, the portal's article page by default, as an absolute URL:
 * replies reach customers by e-mail too). Renders nothing until there is something to suggest; the
 * list is a polite live region, so screen readers hear that suggestions appeared.
 */
export function ArticleSuggestions({
  text,
  onInsertLink,
  hrefFor = staffArticlePath,
  linkPath = portalArticlePath,
  heading = "Suggested articles",
  className,
}: {
  text: string;
  onInsertLink?: (link: ArticleLink) => void;
  hrefFor?: (name: string) => string;
  linkPath?: (name: string) => string;
  heading?: string;
  className?: string;
}) {
  const trpc = useTRPC();
  const headingId = useId();
  const settled = useDebouncedValue(text.trim().slice(0, MAX_TEXT), DEBOUNCE_MS);
  const enabled = settled.length >= MIN_CHARS;
  const query = useQuery({
    ...trpc.kb.suggest.queryOptions({ text: settled }, { staleTime: 60_000 }),
    enabled,
    placeholderData: keepPreviousData,
  });
  const rows = enabled ? (query.data ?? []) : [];

  const insert = (name: string, title: string) => {
    const url = new URL(linkPath(name), window.location.origin).toString();
    // Square brackets in a title would end the link text early.
    onInsertLink?.({ name, title, url, markdown: `[${title.replace(/([[\]\\])/g, "\\$1")}](${url})` });
  };

  return (
    <section aria-labelledby={rows.length ? headingId : undefined} aria-live="polite" className={cx(rows.length ? "rounded-lg border border-line bg-surface p-3" : "sr-only", className)}>
      {rows.length ? (
        <>
          <h2 id={headingId} className="mb-2 text-sm font-semibold text-fg">
            {heading}
            <span className="sr-only">: {rows.length} found</span>
          </h2>
          <ul className={cx("flex flex-col divide-y divide-line", query.isFetching && "opacity-70")}>
            {rows.map((a) => (
              <li key={a.name} className="flex flex-col gap-2 py-2 first:pt-0 last:pb-0 sm:flex-row sm:items-start sm:justify-between">
                <div className="min-w-0">
                  <a href={hrefFor(a.name)} target="_blank" rel="noopener noreferrer" className="inline-flex min-h-11 items-center text-sm font-medium text-accent underline-offset-2 hover:underline sm:min-h-0">
                    {a.title}
                    <span className="sr-only"> (opens in a new tab)</span>
                  </a>
                  {a.excerpt ? <p className="line-clamp-2 text-xs text-muted">{a.excerpt}</p> : null}
                </div>
                {onInsertLink ? (
                  <Button className="shrink-0" onClick={() => insert(a.name, a.title)} aria-label={`Insert a link to ${a.title}`}>
                    Insert link
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
