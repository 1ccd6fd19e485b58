import type { Calendar, PriorityTarget, SettingsOptions, SlaDoc, SlaDraft } from "../types";

/** Weekdays as the calendar stores them, in the order an editor lists them (Monday first). */
export const WEEK = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
export type Day = (typeof WEEK)[number];
export const dayLabel = (day: Day): string => day.charAt(0).toUpperCase() + day.slice(1);

const officeHours = () => [{ start: "09:00", end: "17:00" }];

export function emptyCalendar(timeZone: string): Calendar {
  return { timeZone, workingHours: { monday: officeHours(), tuesday: officeHours(), wednesday: officeHours(), thursday: officeHours(), friday: officeHours(), saturday: [], sunday: [] }, holidays: [] };
}

/** The browser's zone, a sensible start for a new calendar. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/**
 * One target row per ticket priority, most urgent first, then rows for priorities that no longer
 * exist (so they can be seen and fixed). The rows are sent in this order, so a server error at
 * `priorities[i]` belongs to the i-th row on screen.
 */
export function targetRows(saved: readonly PriorityTarget[], options: SettingsOptions): PriorityTarget[] {
  const known = options.priorities.map((p) => saved.find((t) => t.priority === p.name) ?? { priority: p.name, response_minutes: null, resolution_minutes: null });
  return [...known, ...saved.filter((t) => !options.priorities.some((p) => p.name === t.priority))];
}

export function newSlaDraft(options: SettingsOptions): SlaDraft {
  return { name: "", description: null, enabled: true, is_default: false, conditions: [], calendar: emptyCalendar(browserTimeZone()), pause_on: [], at_risk_percent: 75, priorities: targetRows([], options) };
}

export function slaDraftFrom(doc: SlaDoc, options: SettingsOptions): SlaDraft {
  return {
    name: doc.name,
    description: doc.description,
    enabled: doc.enabled,
    is_default: doc.is_default,
    conditions: doc.conditions,
    calendar: doc.calendar,
    pause_on: doc.pause_on,
    at_risk_percent: doc.at_risk_percent,
    priorities: targetRows(doc.priorities.map(({ priority, response_minutes, resolution_minutes }) => ({ priority, response_minutes, resolution_minutes })), options),
  };
}

/** Business minutes as whole hours and minutes for the two inputs; null = not set. */
export function splitMinutes(total: number | null): { hours: string; minutes: string } {
  if (total === null) return { hours: "", minutes: "" };
  return { hours: String(Math.floor(total / 60)), minutes: String(total % 60) };
}

/** The inputs back to business minutes: both empty = not set; a non-number is kept out (the server says so). */
export function joinMinutes(hours: string, minutes: string): number | null {
  if (hours.trim() === "" && minutes.trim() === "") return null;
  const h = hours.trim() === "" ? 0 : Number(hours);
  const m = minutes.trim() === "" ? 0 : Number(minutes);
  if (!Number.isFinite(h) || !Number.isFinite(m)) return null;
  return Math.round(h * 60 + m);
}

/** "8 h", "1 h 30 min", "45 min": a target as people read it. */
export function formatMinutes(total: number | null): string {
  if (total === null) return "not set";
  const h = Math.floor(total / 60);
  const m = total % 60;
  return [h ? `${h} h` : "", m || !h ? `${m} min` : ""].filter(Boolean).join(" ");
}

/** Every IANA zone the browser knows, with the current value kept even if it doesn't list it ("UTC" in some engines). */
export function timeZoneChoices(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set(["UTC", current, ...zones].filter(Boolean))].sort((a, b) => (a === "UTC" ? -1 : b === "UTC" ? 1 : a.localeCompare(b)));
}
