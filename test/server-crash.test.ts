// Kills `claimline serve` with SIGKILL while articles are being POSTed: every acknowledged article survives exactly once.
import assert from "node:assert/strict";
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = path.join(root, "bin", "claimline.js");
const tmp = mkdtempSync(path.join(tmpdir(), "claimline-serve-kill-"));
const children: ChildProcessWithoutNullStreams[] = [];
after(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  rmSync(tmp, { recursive: true, force: true });
});

const ARTICLES = 60;
const TOWNS = ["Marlow Bay", "Eastfield", "Kestrel Point", "Dunmore", "Ashby Cross", "Westhaven"];
const OFFICIALS = ["Clara Hendricks", "Tomas Reyes", "Ingrid Solberg", "Martin Obi"];

function article(i: number): { text: string; sourceUrl: string; published: string } {
  const town = TOWNS[i % TOWNS.length]!;
  const official = OFFICIALS[i % OFFICIALS.length]!;
  const text = [
    `Emergency crews in ${town} said on Monday that ${150 + i} residents had been moved to shelters, bulletin ${i}.`,
    `"The water is still rising and we expect ${10 + (i % 30)} more streets to flood," ${official} told reporters.`,
    `${official} said at least ${i % 13} bridges were closed and about ${4 * i} homes had no power.`,
  ].join("\n\n");
  return { text, sourceUrl: `https://news.example.org/floods/${i}`, published: `2024-04-${String(1 + (i % 28)).padStart(2, "0")}` };
}

/** Starts the server and resolves with its port once it prints its one line. */
function serve(db: string): Promise<{ child: ChildProcessWithoutNullStreams; port: number; line: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, "serve", "--db", db, "--port", "0"], { stdio: ["pipe", "pipe", "pipe"] });
    children.push(child);
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (c: string) => (err += c));
    child.stdout.on("data", (c: string) => {
      out += c;
      const line = out.split("\n")[0]!;
      const m = out.includes("\n") ? /^claimline: serving http:\/\/127\.0\.0\.1:(\d+)\/ \(/.exec(line) : null;
      if (m) resolve({ child, port: Number(m[1]), line });
    });
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`serve exited (${code}) before listening: ${out}${err}`)));
  });
}

function postArticle(port: number, body: unknown): Promise<{ status: number; json?: { put: { id: string; key: string; status: string } } }> {
  return new Promise((resolve) => {
    const payload = JSON.stringify(body);
    const req = request({ host: "127.0.0.1", port, method: "POST", path: "/api/articles", headers: { "content-type": "application/json" } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode!, json: res.statusCode! < 300 ? JSON.parse(text) : undefined }));
      res.on("error", () => resolve({ status: 0 }));
    });
    // A request cut by the kill is simply not acknowledged.
    req.on("error", () => resolve({ status: 0 }));
    req.end(payload);
  });
}

function exited(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}

test("a server killed with SIGKILL mid-way keeps every article it acknowledged, exactly once, in a sound store", async () => {
  assert.ok(existsSync(path.join(root, "dist", "cli", "commands", "serve.js")), "build first: npx tsc -p . (npm test does)");
  const db = path.join(tmp, "store.db");
  assert.ok(!existsSync(db));
  const first = await serve(db);
  assert.match(first.line, /^claimline: serving http:\/\/127\.0\.0\.1:\d+\/ \(0 articles, .*store\.db\)$/);

  // Four writers at once; the kill lands while some requests are still in flight.
  const acknowledged = new Map<string, string>();
  let next = 0;
  let killed = false;
  const writer = async () => {
    while (!killed && next < ARTICLES) {
      const i = next++;
      const res = await postArticle(first.port, article(i));
      if (res.status === 201 || res.status === 200) {
        acknowledged.set(res.json!.put.key, res.json!.put.id);
        if (!killed && acknowledged.size >= 15) {
          killed = true;
          first.child.kill("SIGKILL");
        }
      }
    }
  };
  await Promise.all([writer(), writer(), writer(), writer()]);
  const end = await exited(first.child);
  assert.equal(end.signal, "SIGKILL");
  assert.ok(acknowledged.size >= 15 && acknowledged.size < ARTICLES, `acknowledged ${acknowledged.size}`);

  // The store as the kill left it: sound, and holding every acknowledged article once.
  const check = new Database(db, { readonly: true });
  try {
    assert.equal(check.pragma("integrity_check", { simple: true }), "ok");
    const count = check.prepare("SELECT count(*) FROM articles WHERE key = ?").pluck();
    for (const key of acknowledged.keys()) assert.equal(count.get(key), 1, key);
  } finally {
    check.close();
  }

  // Restarted on the same file: it serves what was stored, and posting everything again completes the set.
  const second = await serve(db);
  const stored = Number(/\((\d+) articles?,/.exec(second.line)![1]);
  assert.ok(stored >= acknowledged.size, `${stored} stored, ${acknowledged.size} acknowledged`);
  const statuses = new Map<string, string>();
  for (let i = 0; i < ARTICLES; i++) {
    const res = await postArticle(second.port, article(i));
    assert.ok(res.status === 200 || res.status === 201, `article ${i}: ${res.status}`);
    statuses.set(res.json!.put.key, res.json!.put.status);
  }
  for (const [key, id] of acknowledged) {
    assert.equal(statuses.get(key), "unchanged", `${key} was acknowledged before the kill`);
    assert.ok(id);
  }
  second.child.kill("SIGTERM");
  const stop = await exited(second.child);
  assert.deepEqual(stop, { code: 0, signal: null }, "SIGTERM closes the server and the store cleanly");

  const final = new Database(db, { readonly: true });
  try {
    assert.equal(final.pragma("integrity_check", { simple: true }), "ok");
    assert.equal(final.prepare("SELECT count(*) FROM articles").pluck().get(), ARTICLES);
    assert.equal(final.prepare("SELECT count(DISTINCT key) FROM articles").pluck().get(), ARTICLES);
  } finally {
    final.close();
  }
});
