// End-to-end tests of the web UI: Debian's chromium driven by playwright-core over `claimline serve` on a store built from the sample.
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import type { ArticleRecord } from "../src/core/record.js";
import type { FigureSeries, Page as ApiPage, SourceGroup, StoredArticle } from "../src/server/api-types.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = path.join(root, "bin", "claimline.js");
const CHROMIUM = "/usr/bin/chromium";
const SHOTS = path.join(root, "test", "artifacts", "screenshots");
const haveChromium = existsSync(CHROMIUM);
// Under CI a missing browser is a failure, never a skip.
const skip = !haveChromium && process.env.CI !== "true" ? `${CHROMIUM} is not installed: browser tests skipped` : false;

/** The XSS probe: markup in the title, the outlet and the text must show as text and never run. */
const XSS_TITLE = `<script>window.__xss = "title-script"</script><img src=x onerror="window.__xss='title-img'"> Council vote`;
const XSS_TEXT =
  `The mayor said "<script>window.__xss = 'text-script'</script> we will rebuild <img src=x onerror=window.__xss='text-img'> the bridge". ` +
  `About 300 people were evacuated, officials said.`;

/**
 * Dated reports of one count that contradict each other (a lower bound above a later exact figure): the sample is
 * undated and agrees with itself, so these give the timeline its time axis and a disagreement to draw.
 */
const TIMELINE_ARTICLES = [
  { id: "tl-1", title: "Flood toll rises in the valley", url: "https://example.org/tl-1", outlet: "Example Daily", published: "2024-03-02",
    text: "At least 40 people were killed in the flood, the regional governor said on Saturday. Rescue teams are still searching the valley." },
  { id: "tl-2", title: "Aid groups count flood victims", url: "https://example.org/tl-2", outlet: "Example Post", published: "2024-03-03",
    text: "The Red Cross said 12 people were killed in the flood. Officials said up to 3,000 homes were damaged." },
  { id: "tl-3", title: "Valley flood: the week after", url: "https://example.org/tl-3", outlet: "Example Daily", published: "2024-03-09",
    text: "The regional governor said 57 people were killed in the flood. About 2,000 homes were damaged, officials said." },
];

let tmp = "";
let server: ChildProcess | undefined;
let base = "";
let browser: Browser | undefined;

async function api<T>(p: string): Promise<T> {
  const res = await fetch(new URL(p, base));
  assert.equal(res.status, 200, `GET ${p}`);
  return (await res.json()) as T;
}

/** A page that records every error, failed console message and dialog: any of them fails the test. */
async function openPage(): Promise<{ page: Page; problems: string[] }> {
  const context = await browser!.newContext({ viewport: { width: 1366, height: 860 }, colorScheme: "light" });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  page.on("dialog", (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return { page, problems };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
}

async function close(page: Page, problems: string[]): Promise<void> {
  await page.context().close();
  assert.deepEqual(problems, [], "the page logged errors");
}

before(async () => {
  if (skip) return;
  assert.ok(existsSync(path.join(root, "dist", "web", "index.html")), "dist/web is not built: run `npm run build` first");
  mkdirSync(SHOTS, { recursive: true });
  tmp = mkdtempSync(path.join(tmpdir(), "claimline-browser-"));
  const db = path.join(tmp, "sample.db");
  const probe = path.join(tmp, "xss.jsonl");
  writeFileSync(probe, JSON.stringify({ id: "xss-probe", title: XSS_TITLE, outlet: "<b>Probe</b>", url: "https://example.org/xss-probe", text: XSS_TEXT }) + "\n");
  const timeline = path.join(tmp, "timeline.jsonl");
  writeFileSync(timeline, TIMELINE_ARTICLES.map((a) => JSON.stringify(a)).join("\n") + "\n");
  for (const input of [path.join(root, "sample", "wikinews.jsonl"), probe, timeline]) {
    const r = spawnSync(process.execPath, [bin, "ingest", input, "--db", db], { encoding: "utf8", timeout: 180_000 });
    assert.equal(r.status, 0, `ingest ${input}: ${r.stderr}`);
  }
  server = spawn(process.execPath, [bin, "serve", "--db", db, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  server.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const first = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${stderr}`)), 60_000);
    createInterface({ input: server!.stdout! }).once("line", (line) => {
      clearTimeout(timer);
      resolve(line);
    });
    server!.once("exit", (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  const m = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(first);
  assert.ok(m, `unexpected first line: ${first}`);
  base = m[1]!;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
});

after(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((r) => server!.once("exit", r));
  }
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

if (skip) console.log(`# ${skip}`);

test("the start page lists the stored articles and the most quoted people", { skip }, async () => {
  const { page, problems } = await openPage();
  const stored = await api<ApiPage<StoredArticle>>("api/articles?limit=500");
  await page.goto(base);
  await page.locator(".articles li").first().waitFor();
  assert.equal(await page.locator(".articles li").count(), stored.items.length);
  await page.locator("ol.ranked li").first().waitFor();
  assert.ok((await page.locator("ol.ranked li").count()) > 0);
  await page.locator('section[aria-labelledby="figures-h"] li').first().waitFor();
  await shot(page, "01-home");
  await close(page, problems);
});

test("the reader highlights quotes; hovering one shows its speaker, focusing one opens the card too", { skip }, async () => {
  const { page, problems } = await openPage();
  const stored = await api<ApiPage<StoredArticle>>("api/articles?limit=500");
  const busiest = [...stored.items].sort((a, b) => b.quotes - a.quotes)[0]!;
  const record = await api<ArticleRecord>(`api/articles/${encodeURIComponent(busiest.id)}`);
  // A quote with a named speaker (more than a pronoun), as the record has it.
  const quote = record.quotes.find((q) => q.speaker && q.speaker.name.includes(" "))!;
  assert.ok(quote, "the busiest sample article has an attributed quote");
  const speaker = (quote.speaker!.entity && record.entities.find((e) => e.id === quote.speaker!.entity)?.name) || quote.speaker!.name;

  await page.goto(`${base}#/article/${encodeURIComponent(busiest.id)}`);
  await page.locator("#article-title").waitFor();
  assert.equal(await page.locator("#article-title").textContent(), record.source.title);
  const marks = page.locator(".m-quote");
  assert.ok((await marks.count()) >= Math.min(record.quotes.length, 1));
  // The text is rendered whole: the body reads exactly as the record's text, paragraph breaks aside.
  const body = (await page.locator(".article .body").innerText()).replace(/\s+/g, " ").trim();
  assert.equal(body, record.text.replace(/\s+/g, " ").trim());

  const target = page.locator(`#quote-${quote.id}`);
  await target.hover();
  const card = page.locator(".card");
  await card.waitFor();
  assert.equal(await card.locator(".card-speaker").textContent(), speaker);
  await shot(page, "02-reader-hover");

  // Keyboard: the quote is focusable, focus opens the card, Enter moves into it, Escape returns.
  await page.mouse.move(0, 0);
  await card.waitFor({ state: "detached" });
  await target.focus();
  await card.waitFor();
  assert.equal(await card.locator(".card-speaker").textContent(), speaker);
  assert.equal(await target.getAttribute("aria-describedby"), await card.getAttribute("id"));
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => !!document.activeElement?.closest(".card"));
  await page.keyboard.press("Escape");
  await card.waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => document.activeElement?.id), `quote-${quote.id}`);
  // A highlight layer switched off keeps the words and drops the highlight.
  const layer = page.getByRole("button", { name: "people / orgs" });
  assert.equal(await layer.getAttribute("aria-pressed"), "true");
  await layer.click();
  assert.equal(await layer.getAttribute("aria-pressed"), "false");
  const underline = await page.locator(".body .m-entity:not(.m-place)").first().evaluate((el) => getComputedStyle(el).borderBottomStyle);
  assert.equal(underline, "none");
  await layer.click();
  await close(page, problems);
});

test("the quotes explorer filters by speaker", { skip }, async () => {
  const { page, problems } = await openPage();
  const top = await api<ApiPage<SourceGroup>>("api/sources?by=speaker&limit=1");
  const name = top.items[0]!.group;
  await page.goto(`${base}#/quotes`);
  await page.locator(".quote-row").first().waitFor();
  const before = await page.locator(".quote-row").count();
  await page.locator("#f-speaker").fill(name);
  await page.waitForFunction((n) => location.hash.includes(`speaker=${encodeURIComponent(n).replace(/%20/g, "+")}`), name);
  await page.waitForFunction((n) => {
    const rows = [...document.querySelectorAll(".quote-row .speaker")];
    return rows.length > 0 && rows.every((r) => r.textContent!.toLowerCase().includes(n.toLowerCase()));
  }, name);
  const expected = await api<ApiPage<unknown>>(`api/quotes?speaker=${encodeURIComponent(name)}&limit=50`);
  await page.waitForFunction((n) => document.querySelectorAll(".quote-row").length === n, expected.items.length);
  assert.ok(expected.items.length > 0 && expected.items.length < before, `${expected.items.length} rows for ${name} of ${before}`);
  await shot(page, "03-quotes-filtered");
  // The speaker link leads to the entity page with what they said.
  await page.locator(".quote-row .speaker a").first().click();
  await page.locator(".entity h1").waitFor();
  assert.ok((await page.locator(".entity .quote-row").count()) > 0);
  await shot(page, "04-entity");
  await close(page, problems);
});

test("keyboard only: Tab to an article, Enter, Tab to a quote and its card opens", { skip }, async () => {
  const { page, problems } = await openPage();
  await page.goto(base);
  await page.locator(".articles li").first().waitFor();
  const tabUntil = async (selector: string, max: number) => {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate((sel) => !!document.activeElement?.matches(sel), selector)) return true;
    }
    return false;
  };
  assert.ok(await tabUntil("a.article-title", 20), "an article link is reachable by Tab");
  await page.keyboard.press("Enter");
  await page.locator("#article-title").waitFor();
  assert.ok(await tabUntil(".m-quote", 80), "a quote is reachable by Tab");
  await page.locator(".card").waitFor();
  assert.ok(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle !== "none"), "the focused quote shows a focus ring");
  await close(page, problems);
});

test("the claims tab filters by certainty; the people index lists resolved names", { skip }, async () => {
  const { page, problems } = await openPage();
  await page.goto(`${base}#/claims`);
  await page.locator(".quote-row").first().waitFor();
  await page.locator("#c-status").selectOption("reported");
  await page.waitForFunction(() => location.hash.includes("status=reported"));
  await page.waitForFunction(() => {
    const tags = [...document.querySelectorAll(".quote-row .tag")];
    return tags.length > 0 && tags.every((t) => t.textContent === "reported");
  });
  await shot(page, "11-claims");
  const people = await api<ApiPage<{ id: string }>>("api/entities?type=PERSON&limit=50");
  await page.goto(`${base}#/people`);
  await page.locator("table.grid tbody tr").first().waitFor();
  assert.equal(await page.locator("table.grid tbody tr").count(), people.items.length);
  await shot(page, "12-people");
  await close(page, problems);
});

test("a figure timeline draws every figure with its bound", { skip }, async () => {
  const { page, problems } = await openPage();
  const series = await api<ApiPage<FigureSeries>>("api/figures?limit=1");
  const s = series.items[0]!;
  await page.goto(`${base}#/figures`);
  await page.locator(".series-item h2 a").first().waitFor();
  await shot(page, "05-figures");
  await page.locator(".series-item h2 a").first().click();
  await page.locator("svg.chart .pt").first().waitFor();
  assert.equal(decodeURIComponent(await page.evaluate(() => location.hash)), `#/figures/${s.key}`);
  const drawable = s.points.filter((p) => p.value !== undefined || p.low !== undefined || p.high !== undefined);
  assert.equal(await page.locator("svg.chart .pt").count(), drawable.length);
  for (const bound of new Set(drawable.map((p) => p.bound))) {
    assert.equal(await page.locator(`svg.chart .pt.bound-${bound}`).count(), drawable.filter((p) => p.bound === bound).length, bound);
  }
  assert.equal(await page.locator("svg.chart .disagree-line").count(), s.disagreements.length);
  await page.locator("svg.chart .pt").first().hover();
  await page.locator(".card").waitFor();
  await shot(page, "06-figure-timeline");

  // From a figure in the reader straight to the timeline of its series.
  const stored = await api<ApiPage<StoredArticle>>("api/articles?limit=500");
  const busiest = [...stored.items].sort((a, b) => b.quantities - a.quantities)[0]!;
  await page.goto(`${base}#/article/${encodeURIComponent(busiest.id)}`);
  await page.locator(".side a", { hasText: "timeline" }).first().click();
  await page.waitForFunction(() => /^#\/figures\/[^?]+$/.test(location.hash));
  await page.locator("svg.chart .pt").first().waitFor();
  const key = decodeURIComponent((await page.evaluate(() => location.hash)).slice("#/figures/".length));
  const opened = await api<FigureSeries>(`api/figures/${encodeURIComponent(key)}`);
  assert.ok(opened.points.some((p) => p.articleId === busiest.id), "the series holds a figure of the article it was opened from");
  await close(page, problems);
});

test("a dated series is drawn on a time axis, its disagreements joined and listed", { skip }, async () => {
  const { page, problems } = await openPage();
  const all = await api<ApiPage<FigureSeries>>("api/figures?limit=500");
  const s = all.items.find((x) => x.disagreements.length > 0 && x.points.filter((p) => p.date).length >= 2);
  assert.ok(s, "the dated reports make a series with a disagreement");
  await page.goto(`${base}#/figures/${encodeURIComponent(s.key)}`);
  await page.locator("svg.chart .pt").first().waitFor();
  assert.equal(await page.locator("svg.chart .disagree-line").count(), s.disagreements.length);
  assert.equal(await page.locator(".disagreement").count(), s.disagreements.length);
  // Time mode: the x axis carries dates, not article titles.
  const ticks = await page.locator("svg.chart .x-axis text").allTextContents();
  assert.ok(ticks.some((t) => /^\d{4}-\d{2}-\d{2}$/.test(t)), ticks.join(" | "));
  await shot(page, "06b-figure-disagreement");
  await close(page, problems);
});

test("the map shows the world and a marker per place", { skip }, async () => {
  const { page, problems } = await openPage();
  await page.goto(`${base}#/map`);
  await page.locator("svg.map .marker").first().waitFor();
  assert.ok((await page.locator("svg.map path.country").count()) > 100);
  const listed = await page.locator(".place-list li").count();
  assert.equal(await page.locator("svg.map .marker").count(), listed);
  await page.locator("svg.map .marker").last().hover();
  await page.locator(".card").waitFor();
  await shot(page, "07-map");
  // One article's places: the reader links to them.
  const stored = await api<ApiPage<StoredArticle>>("api/articles?limit=500");
  const busiest = [...stored.items].sort((a, b) => b.entities - a.entities)[0]!;
  const places = await api<{ places: unknown[] }>(`api/places?article=${encodeURIComponent(busiest.id)}`);
  await page.goto(`${base}#/article/${encodeURIComponent(busiest.id)}`);
  await page.getByRole("link", { name: "Map of this article’s places" }).click();
  await page.locator("svg.map .marker").first().waitFor();
  assert.equal(await page.locator("svg.map .marker").count(), places.places.length);
  assert.equal(await page.locator(".card").count(), 0, "no card follows from the previous page");
  await shot(page, "07b-map-article");
  // A search's places: the articles the words find.
  const found = await api<{ places: unknown[]; articles: number }>("api/places?q=cholera");
  assert.ok(found.articles > 0);
  await page.goto(`${base}#/map?q=cholera`);
  await page.locator("svg.map .marker").first().waitFor();
  assert.equal(await page.locator("svg.map .marker").count(), found.places.length);
  await close(page, problems);
});

test("the sources dashboard groups quotes by speaker and by outlet", { skip }, async () => {
  const { page, problems } = await openPage();
  const groups = await api<ApiPage<SourceGroup>>("api/sources?by=speaker&limit=50");
  await page.goto(`${base}#/sources`);
  await page.locator("table.sources tbody tr").first().waitFor();
  assert.equal(await page.locator("table.sources tbody tr").count(), groups.items.length);
  await shot(page, "08-sources");
  await page.getByRole("link", { name: "By outlet" }).click();
  await page.waitForFunction(() => location.hash.includes("by=outlet"));
  await page.locator("table.sources tbody tr").first().waitFor();
  const outlets = await api<ApiPage<SourceGroup>>("api/sources?by=outlet&limit=50");
  await page.waitForFunction((n) => document.querySelectorAll("table.sources tbody tr").length === n, outlets.items.length);
  await page.getByRole("link", { name: "By role" }).click();
  await page.waitForFunction(() => location.hash.includes("by=role"));
  const roles = await api<ApiPage<SourceGroup>>("api/sources?by=role&limit=50");
  await page.waitForFunction((n) => document.querySelectorAll("table.sources tbody tr").length === n, roles.items.length);
  await shot(page, "08b-sources-by-role");
  await close(page, problems);
});

test("search finds quotes and articles, with matches marked", { skip }, async () => {
  const { page, problems } = await openPage();
  await page.goto(base);
  await page.locator("#global-search").fill("cholera");
  await page.keyboard.press("Enter");
  await page.locator(".snippet mark.hit").first().waitFor();
  await shot(page, "09-search");
  await close(page, problems);
});

test("markup in an article's title and text shows as text and never runs", { skip }, async () => {
  const { page, problems } = await openPage();
  const stored = await api<ApiPage<StoredArticle>>("api/articles?limit=500");
  const probe = stored.items.find((a) => a.url === "https://example.org/xss-probe");
  assert.ok(probe, "the probe article is stored");
  for (const where of ["", `#/article/${encodeURIComponent(probe.id)}`, "#/quotes", `#/search?q=mayor`]) {
    await page.goto(`${base}${where}`);
    await page.locator("main h1").first().waitFor();
    await page.waitForLoadState("networkidle");
    assert.equal(await page.evaluate(() => (window as { __xss?: unknown }).__xss), undefined, `script ran on ${where || "home"}`);
    assert.equal(await page.locator("#app img, #app script").count(), 0, `markup became elements on ${where || "home"}`);
  }
  await page.goto(`${base}#/article/${encodeURIComponent(probe.id)}`);
  await page.locator("#article-title").waitFor();
  assert.equal(await page.locator("#article-title").textContent(), XSS_TITLE);
  assert.ok((await page.locator(".article .body").innerText()).includes("<script>window.__xss = 'text-script'</script>"));
  await shot(page, "10-xss-probe");
  await close(page, problems);
});
