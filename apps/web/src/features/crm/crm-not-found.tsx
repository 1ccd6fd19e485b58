import Link from "next/link";
import { buttonClasses } from "~/components/ui/button";

/** A record that doesn't exist and one out of the user's teams get the same words. */
export function CrmNotFound({ what, back }: { what: "lead" | "deal"; back: { href: string; label: string } }) {
  return (
    <div className="mx-auto max-w-md pt-10 text-center sm:pt-16">
      <h1 className="text-xl font-semibold">{what === "lead" ? "Lead" : "Deal"} not found</h1>
      <p className="mt-2 text-sm text-muted">Check the link, or find the {what} in the CRM.</p>
      <Link href={back.href} className={buttonClasses("primary", "mt-6")}>{back.label}</Link>
    </div>
  );
}
