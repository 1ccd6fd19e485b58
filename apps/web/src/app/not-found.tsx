import { buttonClasses } from "~/components/ui/button";
import { HOME_PATH } from "~/lib/sign-in-url";

/** Plain <a>, not next/link: this boundary is part of every page, and Link would ship with all of them. */
export default function NotFound() {
  return (
    <main className="mx-auto max-w-md px-4 pt-24 text-center">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm text-muted">The address may be mistyped, or the page has moved.</p>
      <a href={HOME_PATH} className={buttonClasses("primary", "mt-6")}>
        Go to Orchestrator
      </a>
    </main>
  );
}
