import { describe, expect, it } from "vitest";
import { allWordsQuery, anyWordQuery, plainExcerpt, searchTerms } from "./fulltext";

describe("full-text queries", () => {
  it("keeps indexable words only: lower-cased, distinct, no stopwords or short words, no operators", () => {
    expect(searchTerms('How to reset the "Password"? +reset -admin* (my) ~pw')).toEqual(["reset", "password", "admin"]);
  });

  it("type-ahead requires every word as a prefix", () => {
    expect(allWordsQuery("passw res")).toBe("+passw* +res*");
    expect(allWordsQuery("is it")).toBe("");
  });

  it("suggestions match any word and cap the number of words", () => {
    expect(anyWordQuery("Printer offline again")).toBe("printer* offline* again*");
    expect(anyWordQuery(Array.from({ length: 50 }, (_, i) => `word${i}`).join(" "), 3)).toBe("word0* word1* word2*");
  });

  it("keeps letters of any script", () => {
    expect(searchTerms("Contraseña olvidada — café")).toEqual(["contraseña", "olvidada", "café"]);
  });
});

describe("plainExcerpt", () => {
  it("strips Markdown syntax and HTML, and cuts at a word boundary", () => {
    const md = "# Reset\n\nGo to **Settings** › [Security](https://x.test) and click `Reset`.\n\n```sh\nrm -rf /\n```\n<script>alert(1)</script>";
    expect(plainExcerpt(md)).toBe("Reset Go to Settings › Security and click Reset.");
    expect(plainExcerpt("word ".repeat(100), 22)).toBe("word word word word…");
  });
});
