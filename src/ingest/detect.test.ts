// Input kind detection, date normalisation and byline parsing: the small pieces every ingester leans on.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseBylines } from "./byline.js";
import { dateFromUrl, normaliseDate } from "./dates.js";
import { detectKind } from "./detect.js";

describe("detectKind", () => {
  const cases: [string, string][] = [
    ["<!DOCTYPE html><html><body>x</body></html>", "html"],
    ["\n\n  <html lang=en><p>x", "html"],
    ["<div><p>fragment</p></div>", "html"],
    ["<!-- saved page --><html>", "html"],
    ["\ufeff<!doctype html>", "html"],
    ['<?xml version="1.0"?><rss version="2.0">', "feed"],
    ['<?xml version="1.0"?>\n<!-- c --><feed xmlns="http://www.w3.org/2005/Atom">', "feed"],
    ['<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body>', "html"],
    ["<rdf:RDF xmlns:rdf=...>", "feed"],
    ['{"text": "x"}\n{"text": "y"}', "json"],
    ["[{}]", "json"],
    ['{\n  "version": "https://jsonfeed.org/version/1.1"', "json"],
    ["[Updated] The minister resigned on Friday.", "text"],
    ["{{template}} is not JSON", "text"],
    ["The minister said <p> is a tag.", "text"],
    ["<3 the new bridge, residents say", "text"],
    ["Plain text\r\nwith CRLF", "text"],
  ];
  for (const [input, kind] of cases) it(`${JSON.stringify(input.slice(0, 40))} → ${kind}`, () => assert.equal(detectKind(input), kind));
});

describe("normaliseDate", () => {
  const cases: [string, string | undefined][] = [
    ["2023-05-17", "2023-05-17"],
    ["2023-05-17T08:30:00+01:00", "2023-05-17T08:30:00+01:00"],
    ["2023-05-17 08:30:00", "2023-05-17T08:30:00"],
    ["2023-05-17T08:30:00+0100", "2023-05-17T08:30:00+01:00"],
    ["2023-05-17T08:30Z", "2023-05-17T08:30Z"],
    ["20230517", "2023-05-17"],
    ["Wed, 17 May 2023 07:30:00 GMT", "2023-05-17T07:30:00Z"],
    ["1684308600", "2023-05-17T07:30:00.000Z"],
    ["2019/11/19", "2019-11-19"],
    ["November 19, 2019, 9:02 AM", "2019-11-19T09:02:00"],
    ["November 19, 2019", "2019-11-19"],
    ["yesterday", undefined],
    ["0000-00-00", undefined],
    ["", undefined],
  ];
  for (const [input, out] of cases) it(`${input || "(empty)"} → ${out}`, () => assert.equal(normaliseDate(input), out));
  it("finds dates in article URLs", () => {
    assert.equal(dateFromUrl("https://x.example/2023/05/17/story"), "2023-05-17");
    assert.equal(dateFromUrl("https://x.example/news/2024-03-09-story"), "2024-03-09");
    assert.equal(dateFromUrl("https://x.example/story-20230517"), undefined);
  });
});

describe("parseBylines", () => {
  it("strips 'By', splits on and/commas, drops roles, outlets and handles", () => {
    assert.deepEqual(parseBylines(["By Jane Doe and John Roe"]), ["Jane Doe", "John Roe"]);
    assert.deepEqual(parseBylines(["Jane Doe, John Roe & Ana María de la Cruz"]), ["Jane Doe", "John Roe", "Ana María de la Cruz"]);
    assert.deepEqual(parseBylines(["Jane Doe | Reuters"]), ["Jane Doe"]);
    assert.deepEqual(parseBylines(["By Jane Doe, Staff Writer"]), ["Jane Doe"]);
    assert.deepEqual(parseBylines(["Staff"]), []);
    assert.deepEqual(parseBylines(["Associated Press"]), []);
    assert.deepEqual(parseBylines(["Valley Courier"], "Valley Courier"), []);
    assert.deepEqual(parseBylines(["@janedoe", "https://x.example/jane"]), []);
    assert.deepEqual(parseBylines(["Jane Doe", "jane doe"]), ["Jane Doe"]);
    assert.deepEqual(parseBylines(["TOM O'NEILL-BRIGGS"]), ["Tom O'Neill-Briggs"]);
    assert.deepEqual(parseBylines(["Jane DoeMonday, 4 November 2024"]), ["Jane Doe"]);
    assert.deepEqual(parseBylines(["Jane Doe. Sputnik International"]), ["Jane Doe"]);
    assert.deepEqual(parseBylines(["Sarah E. Needham"]), ["Sarah E. Needham"]);
  });
});
