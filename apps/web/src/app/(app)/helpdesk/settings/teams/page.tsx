import type { Metadata } from "next";
import { TeamList } from "~/features/helpdesk/settings/teams/team-list";

export const metadata: Metadata = { title: "Teams" };

export default function Page() {
  return <TeamList />;
}
