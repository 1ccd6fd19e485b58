import type { Metadata } from "next";
import { MyDayView } from "~/features/crm/my-day/my-day-view";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "My day" };

/** The caller's follow-ups. Loaded in the browser, whose time zone decides what "today" is; the user is prefetched. */
export default function MyDayPage() {
  void getQueryClient().prefetchQuery(trpc.core.me.queryOptions());
  return (
    <HydrateClient>
      <MyDayView />
    </HydrateClient>
  );
}
