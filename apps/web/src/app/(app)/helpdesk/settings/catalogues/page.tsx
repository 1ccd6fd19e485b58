import type { Metadata } from "next";
import { CataloguesView } from "~/features/helpdesk/settings/catalogues/catalogues-view";

export const metadata: Metadata = { title: "Ticket types, priorities & statuses" };

export default function Page() {
  return <CataloguesView />;
}
