import { redirect } from "next/navigation";

/** The layout has already checked that this is an admin. */
export default function AdminIndex(): never {
  redirect("/admin/users");
}
