/**
 * Turning free text into MariaDB FULLTEXT boolean-mode queries (pure, unit-tested). The index is
 * InnoDB's on `hd_articles (title, content)`: words shorter than `innodb_ft_min_token_size` (3) and
 * InnoDB's default stopwords are not indexed, so they are dropped here — a required (`+`) stopword
 * would otherwise match nothing. Operator characters never reach the query: only letters and digits.
 */

const MIN_TOKEN = 3;
/** `innodb_ft_max_token_size`. */
const MAX_TOKEN = 84;

/** InnoDB's default full-text stopword list (INFORMATION_SCHEMA.INNODB_FT_DEFAULT_STOPWORD). */
const STOPWORDS = new Set(["a", "about", "an", "are", "as", "at", "be", "by", "com", "de", "en", "for", "from", "how", "i", "in", "is", "it", "la", "of", "on", "or", "that", "the", "this", "to", "was", "what", "when", "where", "who", "will", "with", "und", "www"]);

/** The distinct searchable words of `text`, lower-cased, in order of first appearance, at most `max`. */
export function searchTerms(text: string, max = 12): string[] {
  const out: string[] = [];
  for (const raw of text.normalize("NFKC").toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    const word = raw.slice(0, MAX_TOKEN);
    if (word.length < MIN_TOKEN || STOPWORDS.has(word) || out.includes(word)) continue;
    out.push(word);
    if (out.length >= max) break;
  }
  return out;
}

/**
 * Type-ahead search: every word must occur, each as a prefix (`+pass* +reset*`), so "pass res"
 * finds "Password reset" while the user is still typing. Empty when nothing is searchable.
 */
export function allWordsQuery(text: string): string {
  return searchTerms(text).map((t) => `+${t}*`).join(" ");
}

/**
 * Suggestions for a ticket's text: any word may match (`printer* offline*`), the more (and rarer)
 * words an article matches, the higher its relevance. Long texts keep their first `max` words.
 */
export function anyWordQuery(text: string, max = 24): string {
  return searchTerms(text, max).map((t) => `${t}*`).join(" ");
}

/**
 * A plain-text excerpt of Markdown for lists and suggestions: syntax (headings, emphasis, links,
 * code fences, images, HTML tags) removed, whitespace collapsed, cut at a word boundary.
 */
export function plainExcerpt(markdown: string, length = 180): string {
  const plain = markdown
    .replace(/```[\s\S]*?(```|$)/g, " ")
    // Raw HTML is never rendered: script and style blocks go with their contents, other tags alone.
    .replace(/<(script|style)\b[\s\S]*?(<\/\1>|$)/gi, " ")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]+>/g, " ")
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, "")
    .replace(/[*_~`|]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (plain.length <= length) return plain;
  const cut = plain.slice(0, length);
  const space = cut.lastIndexOf(" ");
  return `${(space > length * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
