import type { Metadata } from "next";
import { QueuesView } from "~/features/admin/queues-view";

export const metadata: Metadata = { title: "Queues" };

export default function Page() {
  return <QueuesView />;
}
