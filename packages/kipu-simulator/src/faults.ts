import type { FaultSpec } from "./types";

interface ActiveFault {
  spec: FaultSpec;
  remaining: number;
}

/**
 * Faults answer in front of the API (as a gateway, load balancer or rate limiter would), before
 * authentication. Each request takes the first queued fault whose `path` prefix matches; a fault
 * fires `times` times (default 1), or until cleared when `persistent`.
 */
export class FaultQueue {
  private faults: ActiveFault[] = [];

  add(specs: FaultSpec[]): void {
    for (const spec of specs) {
      const times = spec.persistent ? Number.POSITIVE_INFINITY : (spec.times ?? 1);
      if (!(times > 0)) throw new Error("a fault needs times >= 1 or persistent: true");
      this.faults.push({ spec, remaining: times });
    }
  }

  clear(): void {
    this.faults = [];
  }

  pending(): FaultSpec[] {
    return this.faults.map((f) => f.spec);
  }

  take(path: string): FaultSpec | null {
    const index = this.faults.findIndex((f) => !f.spec.path || path.startsWith(f.spec.path));
    if (index < 0) return null;
    const fault = this.faults[index] as ActiveFault;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    return fault.spec;
  }
}

const REASONS: Record<number, string> = {
  400: "Bad Request",
  404: "Not Found",
  410: "Gone",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

export function reasonPhrase(status: number): string {
  return REASONS[status] ?? "Error";
}

export function describeFault(spec: FaultSpec): string {
  switch (spec.type) {
    case "status":
      return `status ${spec.status}`;
    case "rate_limit":
      return `429 retry-after ${spec.retryAfterSeconds}s`;
    case "delay":
      return `delay ${spec.ms}ms`;
    case "disconnect":
      return "disconnect";
  }
}
