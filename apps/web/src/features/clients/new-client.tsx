"use client";

import { ErrorState } from "~/components/ui/error-state";
import { PageHeader } from "~/components/ui/page-header";
import { Skeleton } from "~/components/ui/skeleton";
import { ClientForm } from "./client-form";
import { can, useMe } from "~/lib/use-me";
import { BackLink } from "~/components/ui/back-link";

export function NewClient() {
  const me = useMe();
  return (
    <>
      <BackLink href="/clients">Clients</BackLink>
      <PageHeader title="New client" />
      {me.isPending ? (
        <Skeleton className="h-80 w-full max-w-3xl rounded-lg" />
      ) : can(me.data, "client", "write") ? (
        <ClientForm />
      ) : (
        <ErrorState title="You can't create clients">Your role can read clients but not add them.</ErrorState>
      )}
    </>
  );
}
