import type { Metadata } from "next";
import { DashboardView } from "~/features/helpdesk/dashboard/dashboard-view";

export const metadata: Metadata = { title: "Helpdesk dashboard" };

/** The helpdesk dashboard; its figures load in the browser (the range lives in the URL). */
export default function HelpdeskDashboardPage() {
  return <DashboardView />;
}
