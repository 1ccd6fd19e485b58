import Link from "next/link";
import { buttonClasses } from "~/components/ui/button";

/** A ticket that doesn't exist and one out of the agent's scope get the same words. */
export function TicketNotFound() {
  return (
    <div className="mx-auto max-w-md pt-10 text-center sm:pt-16">
      <h1 className="text-xl font-semibold">Ticket not found</h1>
      <p className="mt-2 text-sm text-muted">Check the link, or find the ticket in the list.</p>
      <Link href="/helpdesk" className={buttonClasses("primary", "mt-6")}>Back to tickets</Link>
    </div>
  );
}
