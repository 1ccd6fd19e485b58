import type { Metadata } from "next";
import { SettingsIndex } from "~/features/helpdesk/settings/settings-index";

export const metadata: Metadata = { title: "Helpdesk settings" };

export default function Page() {
  return <SettingsIndex />;
}
