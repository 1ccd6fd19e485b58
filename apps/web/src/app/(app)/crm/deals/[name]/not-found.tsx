import { CrmNotFound } from "~/features/crm/crm-not-found";

export default function CrmDealNotFound() {
  return <CrmNotFound what="deal" back={{ href: "/crm/pipeline", label: "Back to the pipeline" }} />;
}
