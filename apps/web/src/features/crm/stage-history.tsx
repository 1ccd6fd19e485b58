import { DateTime } from "~/components/ui/date-time";
import { formatDuration, text } from "./format";

/** A deal's moves through the pipeline, oldest first, each with the time spent in the stage it left. */
export function StageHistory({ stages }: { stages: Record<string, unknown>[] }) {
  if (!stages.length) return <p className="text-sm text-muted">No stage changes yet.</p>;
  return (
    <ol aria-label="Stage history" className="flex flex-col gap-2 text-sm">
      {stages.map((s) => {
        const from = text(s.from_stage);
        const spent = formatDuration(s.seconds_in_previous_stage);
        return (
          <li key={text(s.name)} className="flex flex-wrap items-baseline justify-between gap-x-3 border-b border-line pb-2 last:border-0">
            <span className="font-medium">{from ? `${from} → ${text(s.to_stage)}` : `Started in ${text(s.to_stage)}`}</span>
            <span className="text-xs text-muted">
              {from && spent ? `${spent} in ${from} · ` : ""}
              <DateTime value={text(s.changed_at)} />
            </span>
          </li>
        );
      })}
    </ol>
  );
}
