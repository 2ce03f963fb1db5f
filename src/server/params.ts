// Query parameters: one declaration per parameter that both validates requests and describes them in /openapi.json.
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from "./api-types.js";
import { HttpError } from "./http-error.js";

export type ParamType = "string" | "integer" | "date" | "boolean" | "enum";

export interface ParamSpec {
  name: string;
  type: ParamType;
  description: string;
  required?: boolean;
  /** the allowed values of an enum */
  values?: readonly string[];
  default?: string | number | boolean;
  minimum?: number;
  maximum?: number;
}

export type ParamValue = string | number | boolean;
export type QueryValues = Record<string, ParamValue | undefined>;

/** Longer strings are refused: no filter needs more, and it bounds the work one request can ask for. */
const MAX_STRING = 1000;

export const LIMIT: ParamSpec = {
  name: "limit", type: "integer", minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT,
  description: `at most this many items (1–${MAX_PAGE_LIMIT})`,
};
export const OFFSET: ParamSpec = { name: "offset", type: "integer", minimum: 0, maximum: 1_000_000_000, default: 0, description: "skip this many items" };
export const FROM: ParamSpec = { name: "from", type: "date", description: "first day, inclusive (YYYY-MM-DD; a longer ISO date is cut to its day)" };
export const TO: ParamSpec = { name: "to", type: "date", description: "last day, inclusive (YYYY-MM-DD)" };
export const PAGING = [LIMIT, OFFSET];
export const DATES = [FROM, TO];

/** A YYYY-MM-DD day that exists (2024-02-30 does not), from a date or a longer ISO timestamp. */
export function parseDay(value: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$)/.exec(value);
  if (!m) return undefined;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day ? day : undefined;
}

function bad(message: string): HttpError {
  return new HttpError(400, message);
}

function parseOne(spec: ParamSpec, raw: string): ParamValue {
  const name = spec.name;
  switch (spec.type) {
    case "integer": {
      if (!/^\d{1,10}$/.test(raw)) throw bad(`parameter "${name}": not a whole number: ${JSON.stringify(raw.slice(0, 40))}`);
      const n = Number(raw);
      if (spec.minimum !== undefined && n < spec.minimum) throw bad(`parameter "${name}": must be at least ${spec.minimum}`);
      if (spec.maximum !== undefined && n > spec.maximum) throw bad(`parameter "${name}": must be at most ${spec.maximum}`);
      return n;
    }
    case "date": {
      const day = parseDay(raw);
      if (!day) throw bad(`parameter "${name}": not a date (want YYYY-MM-DD): ${JSON.stringify(raw.slice(0, 40))}`);
      return day;
    }
    case "boolean":
      if (raw === "true" || raw === "1") return true;
      if (raw === "false" || raw === "0") return false;
      throw bad(`parameter "${name}": want true or false, got ${JSON.stringify(raw.slice(0, 40))}`);
    case "enum":
      if (!spec.values!.includes(raw)) throw bad(`parameter "${name}": want one of ${spec.values!.join(", ")}; got ${JSON.stringify(raw.slice(0, 40))}`);
      return raw;
    case "string":
      return raw;
  }
}

/**
 * Validates a query string against the route's declarations: unknown names, repeated names, wrong types,
 * out-of-range numbers and unknown enum values are 400s naming the parameter. An empty value counts as absent,
 * so a UI form with an empty field asks for no filter.
 */
export function parseQuery(search: URLSearchParams, specs: readonly ParamSpec[]): QueryValues {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const seen = new Set<string>();
  const out: QueryValues = {};
  for (const [name, raw] of search) {
    const spec = byName.get(name);
    if (!spec) {
      const known = specs.map((s) => s.name).join(", ");
      throw bad(`unknown parameter "${name.slice(0, 60)}"${known ? ` (this route takes: ${known})` : " (this route takes none)"}`);
    }
    if (seen.has(name)) throw bad(`parameter "${name}" given more than once`);
    seen.add(name);
    if (raw.length > MAX_STRING) throw bad(`parameter "${name}": longer than ${MAX_STRING} characters`);
    const value = raw.trim();
    if (value === "") continue;
    out[name] = parseOne(spec, value);
  }
  for (const spec of specs) {
    if (out[spec.name] !== undefined) continue;
    if (spec.required) throw bad(`parameter "${spec.name}" is required`);
    if (spec.default !== undefined) out[spec.name] = spec.default;
  }
  return out;
}

/** The OpenAPI 3.1 parameter object of a query parameter. */
export function openApiParameter(spec: ParamSpec): Record<string, unknown> {
  const schema: Record<string, unknown> = {};
  switch (spec.type) {
    case "integer":
      schema.type = "integer";
      if (spec.minimum !== undefined) schema.minimum = spec.minimum;
      if (spec.maximum !== undefined) schema.maximum = spec.maximum;
      break;
    case "date":
      schema.type = "string";
      schema.pattern = "^\\d{4}-\\d{2}-\\d{2}";
      schema.examples = ["2024-10-26"];
      break;
    case "boolean":
      schema.type = "boolean";
      break;
    case "enum":
      schema.type = "string";
      schema.enum = [...spec.values!];
      break;
    case "string":
      schema.type = "string";
      schema.maxLength = MAX_STRING;
      break;
  }
  if (spec.default !== undefined) schema.default = spec.default;
  return { name: spec.name, in: "query", required: spec.required ?? false, description: spec.description, schema };
}
