import type { Metadata } from "next";
import { PermissionsGrid } from "~/features/admin/permissions-grid";

export const metadata: Metadata = { title: "Permissions" };

export default function Page() {
  return <PermissionsGrid />;
}
