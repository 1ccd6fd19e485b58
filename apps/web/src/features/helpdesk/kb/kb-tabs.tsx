import { SectionTabs } from "~/components/ui/section-tabs";
import { HelpdeskNav } from "../helpdesk-nav";

/** The helpdesk's sections, then the knowledge base's own: articles, categories, saved replies. */
export function KbTabs() {
  return (
    <>
      <HelpdeskNav />
      <SectionTabs
        label="Knowledge base"
        tabs={[
          { href: "/helpdesk/kb", label: "Articles" },
          { href: "/helpdesk/kb/categories", label: "Categories" },
          { href: "/helpdesk/kb/replies", label: "Saved replies" },
        ]}
      />
    </>
  );
}
