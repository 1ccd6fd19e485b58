import type { RouterOutputs } from "@orchestrator/modules";
import type { ReactNode } from "react";
import { ThemeSwitch } from "~/components/theme/theme-switch";
import { buttonClasses } from "~/components/ui/button";
import { SignOutIcon } from "~/components/ui/icons";
import { PageHeader } from "~/components/ui/page-header";
import { categoryLabel } from "~/lib/category-labels";
import type { Theme } from "~/lib/theme";
import { signOutAction } from "~/server/actions/sign-out";

type Me = RouterOutputs["core"]["me"];


function accessText(grant: Me["grants"][string]): string {
  if (!grant.read) return "No access";
  const where = grant.scope === "all" ? "all departments" : grant.scope === "own_customer" ? "your organisation's records" : grant.scope === "own_team" ? "your own and your teams' records" : "your departments";
  return `${grant.write ? "Read and change" : "Read only"} · ${where}`;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-3 sm:grid-cols-[10rem_1fr] sm:gap-4">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="min-w-0 text-sm text-fg">{children}</dd>
    </div>
  );
}

/**
 * Who the signed-in user is and what they may do, as the server decides it (core.me), plus their
 * theme and a sign-out that works without client JavaScript. Roles, departments and passwords are
 * changed by an administrator.
 */
export function ProfileView({ me, theme }: { me: Me; theme: Theme }) {
  const grants = Object.entries(me.grants).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader title={me.fullName || me.user} description="Your account. Roles, departments and passwords are managed by an administrator." />
      <section aria-labelledby="profile-details" className="rounded-lg border border-line bg-surface px-4 sm:px-6">
        <h2 id="profile-details" className="sr-only">Details</h2>
        <dl className="divide-y divide-line">
          <Row label="Name">{me.fullName || "—"}</Row>
          <Row label="Email">{me.user}</Row>
          <Row label="Roles">{me.roles.length ? me.roles.join(", ") : "None"}</Row>
          <Row label="Departments">{me.departments.length ? me.departments.join(", ") : "None"}</Row>
        </dl>
      </section>
      <section aria-labelledby="profile-access" className="rounded-lg border border-line bg-surface px-4 py-4 sm:px-6">
        <h2 id="profile-access" className="text-base font-semibold text-fg">
          Your access
        </h2>
        <dl className="mt-2 divide-y divide-line">
          {grants.map(([category, grant]) => (
            <Row key={category} label={categoryLabel(category)}>
              {accessText(grant)}
            </Row>
          ))}
        </dl>
      </section>
      <section aria-labelledby="profile-appearance" className="rounded-lg border border-line bg-surface px-4 py-4 sm:px-6">
        <h2 id="profile-appearance" className="mb-3 text-base font-semibold text-fg">
          Appearance
        </h2>
        <ThemeSwitch initial={theme} className="max-w-sm" />
      </section>
      <form action={signOutAction}>
        <button type="submit" className={buttonClasses("secondary")}>
          <SignOutIcon />
          Sign out
        </button>
      </form>
    </div>
  );
}
