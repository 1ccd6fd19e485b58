/**
 * The user's colour theme. "system" follows the OS (`prefers-color-scheme`); "light" and "dark"
 * are explicit choices, kept in a plain cookie so the server renders them on the first byte
 * (`<html data-theme>`), with no flash and no script before paint. Not sensitive: readable by JS.
 */
export const THEME_COOKIE = "theme";
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

/** A cookie value from the browser: anything unexpected means "system". */
export function parseTheme(value: string | null | undefined): Theme {
  return value === "light" || value === "dark" ? value : "system";
}

/** The `data-theme` attribute for <html>: absent for "system" (CSS then follows the OS). */
export function themeAttribute(theme: Theme): "light" | "dark" | undefined {
  return theme === "system" ? undefined : theme;
}
