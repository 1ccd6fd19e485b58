import type { Metadata } from "next";
import { DepartmentsView } from "~/features/admin/departments-view";

export const metadata: Metadata = { title: "Departments" };

export default function Page() {
  return <DepartmentsView />;
}
