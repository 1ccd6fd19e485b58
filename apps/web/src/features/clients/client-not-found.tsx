import Link from "next/link";
import { buttonClasses } from "~/components/ui/button";

/**
 * Shown for a record that doesn't exist and for one the user may not see — the same words, so
 * the page never hints that a record exists.
 */
export function ClientNotFound() {
  return (
    <div className="mx-auto max-w-md pt-10 text-center sm:pt-16">
      <h1 className="text-xl font-semibold">Client not found</h1>
      <p className="mt-2 text-sm text-muted">Check the link, or find the client in the list.</p>
      <Link href="/clients" className={buttonClasses("primary", "mt-6")}>
        Back to clients
      </Link>
    </div>
  );
}
