/**
 * Runs `fn` with `Date.now()` (and `new Date()`) reading `at`: the demo seed replays ten days of
 * tickets so their SLA clocks, activity and audit rows carry the times they would have had. Seed
 * only — nothing in the product moves the clock.
 */
export async function withClock<T>(at: number, fn: () => Promise<T>): Promise<T> {
  const RealDate = Date;
  const offset = at - RealDate.now();
  class ShiftedDate extends RealDate {
    constructor(...args: ConstructorParameters<typeof Date> | []) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as ConstructorParameters<typeof Date>));
    }
    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
  try {
    return await fn();
  } finally {
    globalThis.Date = RealDate;
  }
}
