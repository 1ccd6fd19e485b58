"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { toast } from "~/components/ui/toast";
import { errorDetails } from "~/trpc/error-code";
import { useTRPC } from "~/trpc/react";
import { toExportInput, type CrmListParams } from "./list-params";
import type { ListSpec } from "./list-spec";

/** Saves `csv` as a file through a temporary link (no navigation, works offline once fetched). */
function download(csv: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** "Export CSV": exactly the current view — its filters, search, order and columns — through `crm.exportCsv`, downloaded as a file. */
export function ExportButton({ spec, params }: { spec: ListSpec; params: CrmListParams }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const result = await queryClient.fetchQuery({ ...trpc.crm.exportCsv.queryOptions(toExportInput(spec, params)), staleTime: 0, gcTime: 0 });
      download(result.csv, result.filename);
      const what = `${result.rows.toLocaleString("en-US")} ${result.rows === 1 ? spec.one : spec.many}`;
      if (result.truncated) toast.info(`Exported the first ${what}`, { description: "The view has more rows than one file holds: narrow it with filters to export the rest." });
      else toast.success(`Exported ${what} to ${result.filename}`);
    } catch (error) {
      toast.error("The export failed", { description: errorDetails(error).fieldErrors[0]?.message ?? errorDetails(error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button onClick={() => void run()} disabled={busy} aria-busy={busy || undefined}>
      {busy ? "Exporting…" : "Export CSV"}
    </Button>
  );
}
