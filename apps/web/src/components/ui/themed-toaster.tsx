"use client";

import { useEffect, useState, type ComponentProps } from "react";
// eslint-disable-next-line no-restricted-imports -- this module is only ever imported lazily (toast.tsx): sonner stays out of First Load JS.
import { Toaster } from "sonner";

/** The page's theme as sonner names it: the explicit choice on <html>, else the OS preference. */
function currentTheme(): "light" | "dark" | "system" {
  const theme = document.documentElement.dataset.theme;
  return theme === "light" || theme === "dark" ? theme : "system";
}

/** sonner's Toaster following the theme switch (it changes <html data-theme>) while the page is open. */
export function ThemedToaster(props: ComponentProps<typeof Toaster>) {
  const [theme, setTheme] = useState<"light" | "dark" | "system">(currentTheme);
  useEffect(() => {
    const observer = new MutationObserver(() => setTheme(currentTheme()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    return () => observer.disconnect();
  }, []);
  return <Toaster theme={theme} {...props} />;
}
