import type { Metadata } from "next";
import { TeamEditor } from "~/features/helpdesk/settings/teams/team-editor";

export const metadata: Metadata = { title: "New · Teams" };

export default function Page() {
  return <TeamEditor />;
}
