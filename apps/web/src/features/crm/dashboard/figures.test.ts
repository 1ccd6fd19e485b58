import { describe, expect, it } from "vitest";
import { dayLabel, daysText, money, moneyShort, monthLabel, percent } from "./figures";

describe("dashboard figures", () => {
  it("writes money whole or short, in the figure's currency", () => {
    expect(money(12_345.6, "USD")).toBe("$12,346");
    expect(money(500, "EUR")).toBe("€500");
    expect(moneyShort(12_345.6, "USD")).toBe("$12.3K");
  });

  it("writes rates, days, months and days of the year", () => {
    expect(percent(2 / 3)).toBe("66.7%");
    expect(percent(null)).toBe("—");
    expect(daysText(1)).toBe("1 day");
    expect(daysText(27.9)).toBe("27.9 days");
    expect(monthLabel("2026-04")).toBe("Apr 2026");
    expect(monthLabel(null)).toBe("No close date");
    expect(dayLabel("2026-03-02")).toBe("Mar 2");
  });
});
