"use client";

import Link from "next/link";
import { ErrorState } from "~/components/ui/error-state";
import { ChevronLeftIcon } from "~/components/ui/icons";
import { PageHeader } from "~/components/ui/page-header";
import { Skeleton } from "~/components/ui/skeleton";
import { ClientForm } from "./client-form";
import { can, useMe } from "~/lib/use-me";

export function NewClient() {
  const me = useMe();
  return (
    <>
      <Link href="/clients" className="mb-3 inline-flex min-h-10 items-center gap-1 text-sm text-muted hover:text-fg">
        <ChevronLeftIcon />
        Clients
      </Link>
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
