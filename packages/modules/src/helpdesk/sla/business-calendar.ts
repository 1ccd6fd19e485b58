import { TZDate } from "@date-fns/tz";
import { lightFormat } from "date-fns";
import { calendarDefinitionSchema, WEEKDAYS, type CalendarDefinition, type CalendarDefinitionInput } from "./calendar-schema";
import { mergeSpans, type Span } from "./spans";
import { parseTimeOfDay } from "./time-of-day";
import { instantOfWallClock } from "./wall-clock";

/** Working intervals of one weekday as minutes after local midnight, sorted, [from, to). */
interface MinuteRange {
  from: number;
  to: number;
}

/** Local days kept per calendar; plenty for a sweep over many tickets. */
const DAY_CACHE_LIMIT = 8192;

/**
 * One local date of a calendar with its working time as real-time spans. Days link to their
 * neighbours once visited, so walking cached days costs no time-zone arithmetic at all.
 */
export interface LocalDay {
  /** "YYYY-MM-DD" in the calendar's zone. */
  readonly key: string;
  readonly spans: readonly Span[];
  /** @internal */ readonly noon: TZDate;
  /** @internal */ next: LocalDay | null;
  /** @internal */ previous: LocalDay | null;
}

/**
 * A validated calendar, ready for the SLA maths. Build one with `createBusinessCalendar`; it is
 * immutable apart from a bounded cache of the local days already computed.
 */
export class BusinessCalendar {
  readonly timeZone: string;
  readonly definition: CalendarDefinition;
  private readonly week: readonly (readonly MinuteRange[])[];
  private readonly holidays: ReadonlySet<string>;
  /** Keyed by year × 10000 + month × 100 + date (month 1-based), cheaper to build than a string. */
  private readonly days = new Map<number, LocalDay>();
  private lastLookup: { instant: number; day: LocalDay } | null = null;

  /** @internal use `createBusinessCalendar`, which validates. */
  constructor(definition: CalendarDefinition) {
    this.definition = definition;
    this.timeZone = definition.timeZone;
    this.week = WEEKDAYS.map((day) =>
      definition.workingHours[day]
        .map((i) => ({ from: parseTimeOfDay(i.start)!, to: parseTimeOfDay(i.end, true)! }))
        .sort((a, b) => a.from - b.from),
    );
    this.holidays = new Set(definition.holidays.map((h) => h.date));
  }

  /** The local day that contains `instant`. */
  dayContaining(instant: number): LocalDay {
    // One ticket's SLA walks several times from the same start: remember the last answer.
    if (this.lastLookup?.instant === instant) return this.lastLookup.day;
    const at = new TZDate(instant, this.timeZone);
    const day = this.days.get(dayNumber(at)) ?? this.dayAt(at.getFullYear(), at.getMonth(), at.getDate());
    this.lastLookup = { instant, day };
    return day;
  }

  /** The local day after `day`. */
  nextDay(day: LocalDay): LocalDay {
    if (day.next) return day.next;
    const next = this.dayAt(day.noon.getFullYear(), day.noon.getMonth(), day.noon.getDate() + 1);
    day.next = next;
    next.previous = day;
    return next;
  }

  /** The local day before `day`. */
  previousDay(day: LocalDay): LocalDay {
    if (day.previous) return day.previous;
    const previous = this.dayAt(day.noon.getFullYear(), day.noon.getMonth(), day.noon.getDate() - 1);
    day.previous = previous;
    previous.next = day;
    return previous;
  }

  /** Month 0-based; an overflowing date rolls over as in `new Date(y, m, d)`. */
  private dayAt(year: number, month: number, date: number): LocalDay {
    // Noon is never skipped or repeated by a DST change, so it pins the date safely.
    const noon = new TZDate(year, month, date, 12, 0, this.timeZone);
    const number = dayNumber(noon);
    const cached = this.days.get(number);
    if (cached) return cached;
    const key = lightFormat(noon, "yyyy-MM-dd");
    const day: LocalDay = { key, noon, spans: this.holidays.has(key) ? [] : this.workingSpansOf(noon), next: null, previous: null };
    if (this.days.size >= DAY_CACHE_LIMIT) this.forgetDays();
    this.days.set(number, day);
    return day;
  }

  private forgetDays(): void {
    // Unlink too, so that days still referenced by a caller do not keep the whole chain alive.
    for (const day of this.days.values()) {
      day.next = null;
      day.previous = null;
    }
    this.days.clear();
    this.lastLookup = null;
  }

  /**
   * The working time of one local date as real-time spans, in order. Each wall-clock boundary
   * becomes an instant by `instantOfWallClock` (skipped hour: forward by the gap; repeated hour: the
   * first occurrence), so a working day that spans a DST change is shorter or longer in real time.
   * Spans emptied by such a shift are dropped; touching spans are merged.
   */
  private workingSpansOf(noon: TZDate): Span[] {
    const [year, month, date] = [noon.getFullYear(), noon.getMonth(), noon.getDate()];
    const at = (minutes: number) => instantOfWallClock(this.timeZone, year, month, date, minutes);
    const ranges = this.week[noon.getDay()] ?? [];
    const spans: Span[] = [];
    let previousEnd = -Infinity;
    for (const range of ranges) {
      // A shifted boundary can never make a span reach back before the previous one.
      const start = Math.max(at(range.from), previousEnd);
      const end = at(range.to);
      if (end > start) spans.push({ start, end });
      previousEnd = Math.max(previousEnd, end);
    }
    return mergeSpans(spans);
  }
}

function dayNumber(local: TZDate): number {
  return local.getFullYear() * 10_000 + (local.getMonth() + 1) * 100 + local.getDate();
}

/**
 * Validates a calendar definition and compiles it. Throws the ZodError of
 * `calendarDefinitionSchema` on bad input; validate with `calendarDefinitionSchema.safeParse` first
 * to report field-level errors.
 */
export function createBusinessCalendar(definition: CalendarDefinitionInput): BusinessCalendar {
  return new BusinessCalendar(calendarDefinitionSchema.parse(definition));
}
