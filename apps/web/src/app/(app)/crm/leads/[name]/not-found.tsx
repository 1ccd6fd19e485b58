import { CrmNotFound } from "~/features/crm/crm-not-found";

export default function CrmLeadNotFound() {
  return <CrmNotFound what="lead" back={{ href: "/crm/leads", label: "Back to leads" }} />;
}
