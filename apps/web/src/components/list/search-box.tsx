"use client";

import { useEffect, useRef, useState } from "react";
import { inputClasses } from "~/components/ui/field";
import { SearchIcon } from "~/components/ui/icons";
import { cx } from "~/components/ui/cx";

const DEBOUNCE_MS = 300;

/**
 * Free-text search, committed to the URL 300 ms after the last keystroke. Starting a search adds
 * a history entry; refining it replaces that entry, so Back leaves the search instead of stepping
 * through keystrokes. Follows the URL when it changes from elsewhere (Back, "Clear filters")
 * without clobbering what the user is still typing.
 */
export function SearchBox({ value, onCommit, id = "client-search", label = "Search clients", placeholder = "Search by name or Kipu ID" }: {
  value: string;
  onCommit: (value: string | undefined, options: { replace: boolean }) => void;
  /** Another list reusing the box names its own field. */
  id?: string;
  label?: string;
  placeholder?: string;
}) {
  const [text, setText] = useState(value);
  const committed = useRef(value);

  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    const next = text.trim();
    if (next === committed.current) return;
    const timer = setTimeout(() => {
      const refining = committed.current !== "" && next !== "";
      committed.current = next;
      onCommit(next || undefined, { replace: refining });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, onCommit]);

  return (
    <div className="relative">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <SearchIcon className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-muted" />
      <input
        id={id}
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={placeholder}
        maxLength={100}
        autoComplete="off"
        spellCheck={false}
        className={cx(inputClasses, "pl-10")}
      />
    </div>
  );
}
