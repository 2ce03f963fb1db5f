// Trains the NER model (npm run train:ner): builds gazetteers and word clusters, runs the averaged perceptron on
// CoNLL-2003 eng.train + en-worldwide-newswire, scores eng.testa, writes src/nlp/en/ner/model/ner-model.bin.gz.
// Options: --epochs N (10) --bits N (19) --seed N (1) --out FILE --conll-only --no-clusters --no-gazetteers
// --conll-repeats N (2) --dev-every-epoch --wwn-dev (hold every 5th newswire file out and score it) --augment.
// Deterministic: the same command writes the same bytes.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { readConll } from "../src/nlp/en/ner/conll.ts";
import { buildResources } from "../src/nlp/en/ner/resources.ts";
import { trainNer } from "../src/nlp/en/ner/train.ts";
import { MODEL_PATH } from "../src/nlp/en/ner/model.ts";
import { conllGold, formatScore, predictConll, scoreNer } from "../src/eval/ner.ts";

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const DATA = arg("data", "../shared/data/ner/conll2003");
const epochs = Number(arg("epochs", "10"));
const bits = Number(arg("bits", "19"));
const seed = Number(arg("seed", "1"));
const out = arg("out", MODEL_PATH);
const every = process.argv.includes("--dev-every-epoch");

const t0 = performance.now();
const train = readConll(readFileSync(`${DATA}/eng.train`, "utf8"));
const conllDocs = train.length;
// --wwn-dev: keep every 5th worldwide-newswire file (index % 5 == 2) out of everything, to score on it at the end
const wwnDev = process.argv.includes("--wwn-dev");
const wwnKeep = (i) => !wwnDev || i % 5 !== 2;
// the worldwide-newswire annotations join the training data (types mapped to CoNLL's) unless --conll-only:
// present-day news from Africa, Asia, Latin America and the Middle East, next to CoNLL's 1996 Reuters
if (!process.argv.includes("--conll-only")) {
  const dir = `${DATA}/../en-worldwide-newswire/processed_annotated`;
  const map = { Person: "PER", Organization: "ORG", Location: "LOC", Facility: "LOC", NORP: "MISC", Misc: "MISC", Product: "MISC" };
  readdirSync(dir).filter((f) => f.endsWith(".tsv")).sort().forEach((f, i) => {
    if (wwnKeep(i)) train.push(...readConll(readFileSync(`${dir}/${f}`, "utf8"), (t) => map[t]));
  });
  console.log(`training documents with en-worldwide-newswire: ${train.length}`);
}
const dev = readConll(readFileSync(`${DATA}/eng.testa`, "utf8"));
const res = buildResources({
  clusters: !process.argv.includes("--no-clusters"),
  gazetteers: !process.argv.includes("--no-gazetteers"),
  trainDocs: train,
  wwnKeep,
  log: (s) => console.log(s),
});
console.log(`resources: ${res.gaz.size} gazetteer phrases, ${res.clusters.size} clustered words (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

const t1 = performance.now();
let devF1 = 0;
let devScore;
// --augment (an experiment, off by default): feature augmentation over the two sources, profile "conll" (1996
// Reuters) and "news" (worldwide newswire) with "news" the default
const domains = process.argv.includes("--augment") && train.length > conllDocs ? ["conll", "news"] : undefined;
const domainOf = domains && Uint8Array.from(train, (_, i) => (i < conllDocs ? 0 : 1));
// --conll-repeats N (2): visit each CoNLL document N times per epoch, the newswire ones once; 2 keeps testa up
const conllRepeats = Number(arg("conll-repeats", "2"));
const repeats = Uint8Array.from(train, (_, i) => (i < conllDocs ? conllRepeats : 1));
const model = trainNer(train, res, {
  bits, epochs, seed, domains, domainOf, defaultDomain: "news", repeats,
  onEpoch: (epoch, m) => {
    if (!every && epoch !== epochs) return;
    const s = scoreNer(conllGold(dev), predictConll(m, dev, m.profileNames().includes("conll") ? "conll" : undefined));
    devScore = s;
    devF1 = s.overall.f1;
    const per = Object.entries(s.byType).map(([t, v]) => `${t} ${v.f1.toFixed(4)}`).join(" ");
    console.log(`epoch ${epoch}: testa F1 ${s.overall.f1.toFixed(4)} (${per}) ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  },
});
const trainS = (performance.now() - t1) / 1000;
model.info.about = `claimline NER: averaged perceptron, BILOU + first-order Viterbi, trained on CoNLL-2003 eng.train${train.length > conllDocs ? " and en-worldwide-newswire" : ""} (research use, see PROVENANCE.md)`;
// no times or paths in the file: the same command writes the same bytes
model.info.trained = { epochs, bits, seed, testaF1: devF1, testa: devScore && Object.fromEntries(Object.entries(devScore.byType).map(([t, v]) => [t, v.f1])) };
for (const l of formatScore(devScore)) console.log(l);
if (model.profileNames().length) {
  const s = scoreNer(conllGold(dev), predictConll(model, dev));
  model.info.trained.testaDefaultProfileF1 = s.overall.f1;
  console.log(`testa with the default profile (${model.info.profile}): F1 ${s.overall.f1.toFixed(4)}`);
}
if (wwnDev) {
  // score the held-back worldwide-newswire files in claimline's types (as `claimline eval ner --data` does)
  const { mkdtempSync, symlinkSync } = await import("node:fs");
  const { readWwn } = await import("../src/eval/ner.ts");
  const dir = `${DATA}/../en-worldwide-newswire/processed_annotated`;
  const tmp = mkdtempSync("/tmp/wwn-dev-");
  readdirSync(dir).filter((f) => f.endsWith(".tsv")).sort().forEach((f, i) => { if (!wwnKeep(i)) symlinkSync(`${process.cwd()}/${dir}/${f}`, `${tmp}/${f}`); });
  const { docs, gold } = readWwn(tmp);
  const toW = (t) => (t === "GPE" || t === "LOC" ? "GPE/LOC" : t === "MISC" ? undefined : t);
  const pred = docs.map((doc) => model.tagDocument(doc.map((s) => s.words)).map((spans) => spans.flatMap((s) => (toW(s.type) ? [{ start: s.start, end: s.end, type: toW(s.type) }] : []))));
  console.log(`worldwide-newswire dev (${docs.length} files, claimline types):`);
  for (const l of formatScore(scoreNer(gold, pred))) console.log(l);
}
const buf = model.serializeGz();
writeFileSync(out, buf);
console.log(`wrote ${out}: ${(buf.length / 1e6).toFixed(2)} MB; training ${trainS.toFixed(0)} s, total ${((performance.now() - t0) / 1000).toFixed(0)} s`);
