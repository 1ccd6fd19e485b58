import { describe, expect, it } from "vitest";
import { parseTheme, themeAttribute } from "./theme";

describe("theme cookie", () => {
  it("keeps explicit choices and treats anything else as the OS preference", () => {
    expect(parseTheme("dark")).toBe("dark");
    expect(parseTheme("light")).toBe("light");
    expect(parseTheme("system")).toBe("system");
    expect(parseTheme("DARK")).toBe("system");
    expect(parseTheme(undefined)).toBe("system");
  });
  it("renders no data-theme attribute for the OS preference", () => {
    expect(themeAttribute("system")).toBeUndefined();
    expect(themeAttribute("dark")).toBe("dark");
  });
});
