import type { Metadata } from "next";
import { NotificationsView } from "~/features/helpdesk/notifications-view";

export const metadata: Metadata = { title: "Notifications" };

/** The signed-in user's helpdesk notifications: escalations, @mentions, assignments. */
export default function HelpdeskNotificationsPage() {
  return <NotificationsView />;
}
