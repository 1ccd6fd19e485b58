import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { THEME_COOKIE, parseTheme, themeAttribute } from "~/lib/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Orchestrator", template: "%s · Orchestrator" },
  description: "Care coordination for clients, programs and staff.",
  robots: { index: false, follow: false },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#161b22" },
  ],
};

/** The user's explicit theme (cookie) is rendered into the first byte: no flash, no script. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" data-theme={themeAttribute(theme)}>
      <body className="min-h-dvh">{children}</body>
    </html>
  );
}
