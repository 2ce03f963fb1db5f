// Entity declarations are refused wherever the prolog hides them; harmless DOCTYPEs and entity-like text in content pass.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ingest } from "./index.js";
import { IngestError } from "./types.js";
import { rejectEntityDeclarations } from "./xml-safety.js";

const ROOT = `<rss version="2.0"><channel><title>T</title><item><title>a</title><description>Some text.</description></item></channel></rss>`;
const refused = (xml: string) => assert.throws(() => rejectEntityDeclarations(xml, "feed.xml"), (e: unknown) => e instanceof IngestError && /entity/.test(e.message), xml.slice(0, 120));

test("entity declarations are refused: billion laughs, external, parameter, in any case, behind comments and PIs", () => {
  refused(`<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>${ROOT}`);
  refused(`<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${ROOT}`);
  refused(`<!DOCTYPE rss [<!ENTITY % remote SYSTEM "http://169.254.169.254/x.dtd"> %remote;]>${ROOT}`);
  refused(`<!doctype rss [<!entity a "x">]>${ROOT}`);
  // A comment holding "<" before the DOCTYPE must not end the scan early.
  refused(`<?xml version="1.0"?><!-- <rss> --><?pi <x> ?><!DOCTYPE rss [<!ENTITY a "x">]>${ROOT}`);
  // Quoted "]" inside the subset does not end it; the ENTITY after it is still seen.
  refused(`<!DOCTYPE rss [<!ATTLIST rss v CDATA "]"><!ENTITY a "x">]>${ROOT}`);
  // A DOCTYPE that never ends is refused rather than guessed at.
  refused(`<!DOCTYPE rss [<!ELEMENT rss ANY>`);
});

test("a DOCTYPE without an internal subset, and entity-like text after the root, are accepted", () => {
  rejectEntityDeclarations(`<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">${ROOT}`, "f");
  rejectEntityDeclarations(`<rss version="2.0"><channel><item><description><![CDATA[<!DOCTYPE x [<!ENTITY a "b">]>]]></description></item></channel></rss>`, "f");
  rejectEntityDeclarations(`<!DOCTYPE rss [<!ELEMENT rss ANY>]>${ROOT}`, "f");
});

test("through ingest(): a billion-laughs feed fails fast with one clear error, and nothing is expanded", async () => {
  const lol = [`<!ENTITY l0 "lol">`];
  for (let i = 1; i <= 9; i++) lol.push(`<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`);
  const bomb = `<?xml version="1.0"?><!DOCTYPE rss [${lol.join("")}]><rss version="2.0"><channel><title>&l9;</title><item><description>&l9;</description></item></channel></rss>`;
  const t0 = performance.now();
  await assert.rejects(ingest(Buffer.from(bomb), { origin: "bomb.xml" }), (e: unknown) => e instanceof IngestError && e.origin === "bomb.xml" && /entity declarations/.test(e.message));
  assert.ok(performance.now() - t0 < 5000);
  // UTF-16 hides the ASCII markers from a byte-level look; the check runs on the decoded text.
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bomb.replace('<?xml version="1.0"?>', ""), "utf16le")]);
  await assert.rejects(ingest(utf16, { origin: "bomb16.xml" }), /entity declarations/);
});
