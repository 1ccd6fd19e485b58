import { AppError, filterOperators, type Filter, type FilterOperator, type OrderBy } from "@orchestrator/db";

/** Frappe's list parameters, parsed strictly: anything malformed is a 417 and never reaches SQL. */
function parseJson(name: string, raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw AppError.validation([{ field: name, message: "is not valid JSON" }]);
  }
}

const operatorAliases: Record<string, FilterOperator> = { "==": "=", "<>": "!=", "not in": "not in", "not like": "not like" };

function toOperator(name: string, raw: unknown): FilterOperator {
  const op = typeof raw === "string" ? raw.trim().toLowerCase() : "";
  const normalized = operatorAliases[op] ?? op;
  if (!(filterOperators as readonly string[]).includes(normalized)) throw AppError.validation([{ field: name, message: `unknown operator ${JSON.stringify(raw)}` }]);
  return normalized as FilterOperator;
}

/**
 * Filters in any of Frappe's forms: `[[field, op, value]]`, `[[doctype, field, op, value]]`,
 * `{field: value}` or `{field: [op, value]}`.
 */
export function parseFilters(name: string, raw: string | null, doctype: string): Filter[] {
  if (raw === null || raw.trim() === "" || raw === "[]" || raw === "{}") return [];
  const value = parseJson(name, raw);
  const out: Filter[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      if (!Array.isArray(item) || (item.length !== 3 && item.length !== 4)) throw AppError.validation([{ field: name, message: "each filter must be [field, operator, value]" }]);
      const [field, op, v] = item.length === 4 ? item.slice(1) : item;
      if (item.length === 4 && item[0] !== doctype) throw AppError.validation([{ field: name, message: `filter on another DocType ${String(item[0])}` }]);
      if (typeof field !== "string") throw AppError.validation([{ field: name, message: "filter field must be a string" }]);
      out.push({ field, operator: toOperator(name, op), value: v });
    }
    return out;
  }
  if (value && typeof value === "object") {
    for (const [field, v] of Object.entries(value)) {
      if (Array.isArray(v) && v.length === 2 && typeof v[0] === "string") out.push({ field, operator: toOperator(name, v[0]), value: v[1] });
      else out.push({ field, operator: "=", value: v });
    }
    return out;
  }
  throw AppError.validation([{ field: name, message: "must be a list or an object" }]);
}

export function parseFields(raw: string | null): string[] | undefined {
  if (raw === null || raw.trim() === "") return undefined;
  const value = parseJson("fields", raw);
  if (!Array.isArray(value) || !value.every((f) => typeof f === "string")) throw AppError.validation([{ field: "fields", message: "must be a JSON list of field names" }]);
  // Frappe accepts `tabClient.name` and backticked names; anything else that is not a plain identifier is refused.
  return value.map((f) => {
    const plain = f.replace(/^`?tab[^`.]+`?\./, "").replace(/`/g, "").trim();
    if (plain !== "*" && !/^[a-z_][a-z0-9_]*$/i.test(plain)) throw AppError.validation([{ field: "fields", message: `invalid field ${JSON.stringify(f)}` }]);
    return plain;
  });
}

/** `modified desc, name asc` (optionally `tabClient`.`modified`): field names and directions only. */
export function parseOrderBy(raw: string | null): OrderBy[] | undefined {
  if (raw === null || raw.trim() === "") return undefined;
  return raw.split(",").map((part) => {
    const m = /^\s*(?:`?tab[A-Za-z0-9 _-]+`?\.)?`?([a-z_][a-z0-9_]*)`?(?:\s+(asc|desc))?\s*$/i.exec(part);
    if (!m) throw AppError.validation([{ field: "order_by", message: `cannot sort by ${JSON.stringify(part.trim())}` }]);
    return { field: m[1]!, direction: (m[2]?.toLowerCase() ?? "asc") as "asc" | "desc" };
  });
}

export function parseIntParam(name: string, raw: string | null, fallback: number): number {
  if (raw === null || raw.trim() === "") return fallback;
  if (!/^\d+$/.test(raw.trim())) throw AppError.validation([{ field: name, message: "must be a non-negative whole number" }]);
  return Number(raw);
}
