import type { FaultSpec, FaultStage } from "./types";

interface ActiveFault {
  spec: FaultSpec;
  remaining: number;
}

/** Injected SMTP failures: each matching transaction takes the first pending fault of its stage. */
export class FaultQueue {
  private faults: ActiveFault[] = [];

  add(specs: readonly FaultSpec[]): void {
    for (const spec of specs) {
      if (!Number.isInteger(spec.code) || spec.code < 400 || spec.code > 599) throw new Error("a fault's code is an SMTP reply code from 400 to 599");
      const times = spec.times ?? 1;
      if (!(times >= 1)) throw new Error("a fault needs times >= 1");
      this.faults.push({ spec, remaining: times });
    }
  }

  clear(): void {
    this.faults = [];
  }

  pending(): (FaultSpec & { remaining: number })[] {
    return this.faults.map((f) => ({ ...f.spec, remaining: f.remaining }));
  }

  take(stage: FaultStage): FaultSpec | null {
    const index = this.faults.findIndex((f) => (f.spec.stage ?? "data") === stage);
    if (index < 0) return null;
    const fault = this.faults[index]!;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    return fault.spec;
  }
}

/** The SMTP error smtp-server answers with (`<code> <message>`), with the enhanced status code real servers send. */
export function smtpError(spec: FaultSpec): Error & { responseCode: number } {
  const temporary = spec.code < 500;
  const text = spec.message ?? (temporary ? "4.3.0 Temporary failure, try again later (simulated)" : "5.7.1 Message rejected (simulated)");
  return Object.assign(new Error(text), { responseCode: spec.code });
}
