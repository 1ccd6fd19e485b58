import { redirect } from "next/navigation";

/** The CRM opens on its leads. */
export default function CrmPage() {
  redirect("/crm/leads");
}
