// Query-parameter validation, byte sizes and safe path segments: the pure helpers the server's checks rest on.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseByteSize } from "./body.js";
import { HttpError } from "./http-error.js";
import { DATES, PAGING, parseDay, parseQuery, type ParamSpec } from "./params.js";
import { safeSegments } from "./static.js";

const SPECS: ParamSpec[] = [
  { name: "kind", type: "enum", values: ["direct", "indirect"], description: "" },
  { name: "flag", type: "boolean", description: "" },
  { name: "q", type: "string", description: "" },
  ...DATES,
  ...PAGING,
];

function rejects(query: string, message: RegExp): void {
  assert.throws(() => parseQuery(new URLSearchParams(query), SPECS), (e: unknown) => e instanceof HttpError && e.status === 400 && message.test(e.message));
}

test("parseDay keeps real days and cuts timestamps to their day", () => {
  assert.equal(parseDay("2024-02-29"), "2024-02-29");
  assert.equal(parseDay("2024-10-26T14:03:00Z"), "2024-10-26");
  assert.equal(parseDay("2024-10-26T14:03:00.123+02:00"), "2024-10-26");
  for (const bad of ["2023-02-29", "2024-13-01", "2024-1-1", "26/10/2024", "2024-10-26 junk", "yesterday", ""]) assert.equal(parseDay(bad), undefined, bad);
});

test("parseQuery types values, fills defaults and treats empty values as absent", () => {
  assert.deepEqual(parseQuery(new URLSearchParams("kind=direct&flag=1&q=+a+b+&from=2024-01-02T00:00:00Z&limit=500&offset=0"), SPECS), {
    kind: "direct", flag: true, q: "a b", from: "2024-01-02", limit: 500, offset: 0,
  });
  assert.deepEqual(parseQuery(new URLSearchParams("q=&kind="), SPECS), { limit: 50, offset: 0 });
});

test("parseQuery refuses bad values with the parameter's name", () => {
  rejects("kind=loud", /"kind": want one of direct, indirect/);
  rejects("flag=yes", /"flag": want true or false/);
  rejects("limit=1e3", /"limit": not a whole number/);
  rejects("limit=501", /"limit": must be at most 500/);
  rejects("limit=0", /"limit": must be at least 1/);
  rejects("offset=-3", /"offset": not a whole number/);
  rejects("to=2024-02-30", /"to": not a date/);
  rejects("sort=asc", /unknown parameter "sort" \(this route takes: kind, flag, q, from, to, limit, offset\)/);
  rejects("q=a&q=b", /"q" given more than once/);
  rejects(`q=${"x".repeat(1001)}`, /"q": longer than 1000/);
  assert.throws(() => parseQuery(new URLSearchParams(""), [{ name: "q", type: "string", required: true, description: "" }]), /"q" is required/);
});

test("parseByteSize reads units and refuses nonsense", () => {
  assert.equal(parseByteSize("5mb"), 5 * 1024 * 1024);
  assert.equal(parseByteSize("512KB"), 512 * 1024);
  assert.equal(parseByteSize("1.5m"), 1.5 * 1024 * 1024);
  assert.equal(parseByteSize("100"), 100);
  for (const bad of ["", "five mb", "0", "-1mb", "1tb"]) assert.throws(() => parseByteSize(bad), bad);
});

test("safeSegments decodes each segment and refuses the ways out of a folder", () => {
  assert.deepEqual(safeSegments("/assets/app%20one.js"), ["assets", "app one.js"]);
  assert.deepEqual(safeSegments("//a///b/"), ["a", "b"]);
  for (const bad of ["/../x", "/a/%2e%2e/x", "/%2E%2E", "/.", "/a%2fb", "/a%5cb", "/a%00b", "/C:%5cwin.ini", "/%E0%A4%A"]) {
    assert.throws(() => safeSegments(bad), (e: unknown) => e instanceof HttpError && e.status === 400, bad);
  }
});
