import type { FaultSpec } from "./types";

interface ActiveFault {
  spec: FaultSpec;
  remaining: number;
}

/** Injected HTTP failures: each API request takes the first pending fault, if any, before anything else. */
export class FaultQueue {
  private faults: ActiveFault[] = [];

  add(specs: readonly FaultSpec[]): void {
    for (const spec of specs) {
      if (!(spec.status === 429 || (spec.status >= 500 && spec.status <= 599))) throw new Error("a fault's status is 429 or a 5xx");
      const times = spec.times ?? 1;
      if (!Number.isInteger(times) || times < 1) throw new Error("a fault needs times >= 1");
      this.faults.push({ spec, remaining: times });
    }
  }

  clear(): void {
    this.faults = [];
  }

  pending(): (FaultSpec & { remaining: number })[] {
    return this.faults.map((f) => ({ ...f.spec, remaining: f.remaining }));
  }

  take(): FaultSpec | null {
    const fault = this.faults[0];
    if (!fault) return null;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.shift();
    return fault.spec;
  }
}
