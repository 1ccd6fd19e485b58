import type { Metadata } from "next";
import { ImportView } from "~/features/crm/import/import-view";

export const metadata: Metadata = { title: "Import" };

/** CSV import of leads and contacts: a dry run with a report, then the confirmed import. */
export default function CrmImportPage() {
  return <ImportView />;
}
