"use client";

import { useState } from "react";
import { cx } from "~/components/ui/cx";
import { THEME_COOKIE, THEMES, themeAttribute, type Theme } from "~/lib/theme";

const labels: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

/** Applies a theme now (the <html> attribute) and for later page loads (the cookie, one year). */
function applyTheme(theme: Theme): void {
  const attribute = themeAttribute(theme);
  if (attribute) document.documentElement.dataset.theme = attribute;
  else delete document.documentElement.dataset.theme;
  const maxAge = theme === "system" ? 0 : 60 * 60 * 24 * 365;
  const secure = window.location.protocol === "https:" ? "; secure" : "";
  document.cookie = `${THEME_COOKIE}=${theme}; path=/; max-age=${maxAge}; samesite=lax${secure}`;
}

/** System / Light / Dark as a radio group (arrow keys move between the choices natively). */
export function ThemeSwitch({ initial, className }: { initial: Theme; className?: string }) {
  const [theme, setTheme] = useState<Theme>(initial);
  return (
    <fieldset className={className}>
      <legend className="mb-1.5 text-xs font-medium text-muted">Theme</legend>
      <div className="grid grid-cols-3 gap-1 rounded-md bg-surface-2 p-1">
        {THEMES.map((value) => (
          <label
            key={value}
            className={cx(
              "flex min-h-10 cursor-pointer items-center justify-center rounded px-2 text-sm font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent sm:min-h-8",
              theme === value ? "bg-surface text-fg shadow-sm" : "text-muted hover:text-fg",
            )}
          >
            <input
              type="radio"
              name="theme"
              value={value}
              checked={theme === value}
              onChange={() => {
                setTheme(value);
                applyTheme(value);
              }}
              className="sr-only"
            />
            {labels[value]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
