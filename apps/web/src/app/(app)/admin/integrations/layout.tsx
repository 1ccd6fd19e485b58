import type { ReactNode } from "react";
import { IntegrationsNav } from "~/features/admin/integrations/integrations-nav";

/** Integrations' own tabs (sources, runs, conflicts, duplicates) under Administration's. */
export default function IntegrationsLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <IntegrationsNav />
      {children}
    </>
  );
}
