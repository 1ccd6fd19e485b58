import type { ReactNode } from "react";
import { SectionTabs } from "~/components/ui/section-tabs";

const tabs = [
  { href: "/account", label: "Profile" },
  { href: "/account/api-keys", label: "API keys" },
];

/** The signed-in user's own pages: open to every role. */
export default function AccountLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SectionTabs label="Account" tabs={tabs} />
      {children}
    </>
  );
}
