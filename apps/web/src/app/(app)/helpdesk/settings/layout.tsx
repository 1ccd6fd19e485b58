import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { SettingsNav } from "~/features/helpdesk/settings/settings-nav";
import { trpcErrorCode } from "~/trpc/error-code";
import { caller } from "~/trpc/server";

/**
 * Helpdesk settings: readable by helpdesk staff, changeable by helpdesk writers on all records (the
 * editors turn read-only for the others). Anyone who can't read them gets a plain "not found".
 */
export default async function HelpdeskSettingsLayout({ children }: { children: ReactNode }) {
  try {
    await caller.helpdeskSettings.overview();
  } catch (error) {
    if (trpcErrorCode(error) === "FORBIDDEN") notFound();
    throw error;
  }
  return (
    <>
      <SettingsNav />
      {children}
    </>
  );
}
