// Validates a record against schema/record.schema.json and checks that every span points at its text.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { ArticleRecord, Span } from "../core/record.js";

const require = createRequire(import.meta.url);
// ajv's 2020-12 build is CommonJS; createRequire keeps this module ESM without interop surprises.
const Ajv2020 = require("ajv/dist/2020.js") as new (o: object) => {
  compile(schema: object): ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
};

const schemaPath = fileURLToPath(new URL("../../schema/record.schema.json", import.meta.url));
let validator: ReturnType<InstanceType<typeof Ajv2020>["compile"]> | undefined;

function schemaValidator() {
  validator ??= new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(schemaPath, "utf8")));
  return validator;
}

/** Problems with a record: schema violations, then spans outside the text or not matching their `text`. */
export function validateRecord(rec: ArticleRecord): string[] {
  const problems: string[] = [];
  const validate = schemaValidator();
  if (!validate(rec)) {
    for (const e of validate.errors ?? []) problems.push(`schema: ${e.instancePath || "/"} ${e.message ?? ""}`);
    return problems;
  }
  const n = rec.text.length;
  const check = (where: string, span: Span | undefined, text?: string) => {
    if (!span) return;
    if (span[0] > span[1] || span[1] > n) problems.push(`${where}: span [${span}] outside the text (length ${n})`);
    else if (text !== undefined && rec.text.slice(span[0], span[1]) !== text) {
      problems.push(`${where}: text ${JSON.stringify(text)} differs from the span's ${JSON.stringify(rec.text.slice(span[0], span[1]))}`);
    }
  };
  const ids = new Set<string>();
  const unique = (where: string, id: string) => {
    if (ids.has(id)) problems.push(`${where}: duplicate id ${id}`);
    ids.add(id);
  };
  for (const e of rec.entities) {
    unique(`entity ${e.id}`, e.id);
    e.mentions.forEach((m, i) => check(`entity ${e.id} mention ${i}`, m));
  }
  for (const q of rec.quotes) {
    unique(`quote ${q.id}`, q.id);
    check(`quote ${q.id}`, q.span, q.text);
    check(`quote ${q.id} cue`, q.cue?.span, q.cue?.text);
    check(`quote ${q.id} speaker`, q.speaker?.span);
    for (const a of q.asides ?? []) if (a[0] < q.span[0] || a[1] > q.span[1]) problems.push(`quote ${q.id}: aside [${a}] outside its span`);
  }
  for (const x of rec.quantities) {
    unique(`quantity ${x.id}`, x.id);
    check(`quantity ${x.id}`, x.span, x.text);
    check(`quantity ${x.id} claimant`, x.claimant?.span);
  }
  for (const t of rec.times) {
    unique(`time ${t.id}`, t.id);
    check(`time ${t.id}`, t.span, t.text);
  }
  for (const c of rec.claims) {
    unique(`claim ${c.id}`, c.id);
    check(`claim ${c.id}`, c.span, c.text);
    c.cues.forEach((cue, i) => check(`claim ${c.id} cue ${i}`, cue.span, cue.text));
    for (const q of c.quantities ?? []) if (!rec.quantities.some((x) => x.id === q)) problems.push(`claim ${c.id}: unknown quantity ${q}`);
    for (const q of c.quotes ?? []) if (!rec.quotes.some((x) => x.id === q)) problems.push(`claim ${c.id}: unknown quote ${q}`);
  }
  const entityIds = new Set(rec.entities.map((e) => e.id));
  const refs = [...rec.quotes.map((q) => q.speaker), ...rec.quantities.map((q) => q.claimant), ...rec.claims.map((c) => c.claimant)];
  for (const r of refs) if (r?.entity && !entityIds.has(r.entity)) problems.push(`ref ${r.name}: unknown entity ${r.entity}`);
  return problems;
}
