#!/usr/bin/env node
// Builds src/nlp/en/lexicons/hedges.json: certainty cue words from MEANTIME's factuality annotation plus a documented hand list from the hedging literature.
//
// Sources (all general English, none taken from any test article):
//  - MEANTIME (Minard et al., LREC 2016; CC BY 4.0, © FBK, VU Amsterdam, UPV/EHU): the `modality`
//    attribute of EVENT_MENTIONs whose certainty is not CERTAIN gives modal cues ("could", "may"),
//    and the `pred` of EVENT_MENTIONs referring to SPEECH_COGNITIVE events gives reporting verbs.
//    Verbs seen twice or more are kept; rarer ones only when the hand list confirms them.
//  - Hand list, from Hyland (1998, "Hedging in Scientific Research Articles"; 2005 "Metadiscourse"
//    hedge list), FactBank (Saurí & Pustejovsky 2009: modality and polarity markers, the
//    CT/PR/PS × +/− scale) and the reporting-verb inventories used for news attribution
//    (Bergler 1992; PolNeAR cue guidelines, Newell et al. 2018), mapped to claimline's statuses.
//
// Usage: node scripts/build-hedge-lexicon.mjs [MEANTIME_DIR]  (default ../shared/data/hedge/meantime)
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const meantimeDir = path.resolve(process.argv[2] ?? path.join(root, "..", "shared", "data", "hedge", "meantime"));
const outFile = path.join(root, "src", "nlp", "en", "lexicons", "hedges.json");

// Status of each hand-listed cue. "weak" cues (conditional/ability modals) only colour a statement
// that has no other cue: "he said he would resign" stays reported.
// Syntax: words separated by spaces; "{adv}" allows one optional -ly adverb ("did not {adv} acknowledge").
const HAND = {
  alleged: [
    "allegedly", "alleged", "alleges", "allege", "alleging", "allegation", "allegations",
    "purportedly", "purported", "supposedly", "so-called",
    "claims", "claimed", "claiming", "claim that",
    "accused", "accuses", "accusing", "accusation", "accusations",
    "unverified", "unconfirmed", "unsubstantiated",
    "could not be independently verified", "could not independently verify", "could not independently confirm",
    "cannot be independently verified", "has not been independently verified", "have not been independently verified",
    "not independently verified", "could not be verified", "could not verify", "could not confirm",
    "suspected", "is said to", "are said to", "was said to", "were said to",
  ],
  speculative: [
    // impersonal hedges (Hyland 2005): the writer reports an expectation without a source
    "it is expected that", "it is believed that", "it is thought that", "it is likely that", "it is possible that",
    "may", "might", "could", "possibly", "possible", "perhaps", "maybe", "probably", "probable", "likely", "unlikely",
    "potentially", "conceivably", "presumably", "apparently", "seemingly",
    "speculation", "speculate", "speculated", "speculates", "speculating", "speculative",
    "rumour", "rumours", "rumoured", "rumor", "rumors", "rumored",
    "would appear", "appears to", "appear to", "appeared to", "seems", "seem to", "seemed to",
    "is believed to", "are believed to", "was believed to", "were believed to",
    "is thought to", "are thought to", "was thought to", "were thought to",
    "is expected to", "are expected to", "is likely to", "are likely to",
    "forecast", "forecasts", "predicted", "predicts", "prediction", "predictions",
    "in theory", "it is possible", "it is unclear", "remains unclear",
    "not clear whether", "unclear whether", "whether or not",
  ],
  estimated: [
    "estimated", "estimate", "estimates", "estimating", "estimation", "an estimated",
    "projected", "projection", "projections", "extrapolated", "approximated", "by some counts", "by some estimates",
  ],
  denied: [
    "denied", "denies", "deny", "denying", "denial", "denials",
    "refuted", "refutes", "rebutted", "debunked", "disputed",
    "no evidence", "no proof", "no indication", "no sign", "no signs", "no confirmation",
    "not confirmed", "did not confirm", "does not confirm", "has not confirmed", "have not confirmed",
    "declined to confirm", "refused to confirm", "would not confirm",
    "did not {adv} acknowledge", "has not {adv} acknowledged", "have not {adv} acknowledged", "does not {adv} acknowledge",
    "did not {adv} admit", "has not {adv} admitted", "never {adv} acknowledged", "never {adv} confirmed",
    "false", "falsely", "untrue", "baseless", "unfounded", "fabricated", "groundless",
  ],
  reported: [
    "said", "says", "say", "saying", "told", "tells", "tell", "according to", "reportedly",
    "reported", "reports", "report that", "stated", "announced", "announces", "added", "adds",
    "noted", "notes", "explained", "explains", "wrote", "writes", "confirmed", "confirms", "acknowledged",
    "admitted", "insisted", "insists", "argued", "argues", "warned", "warns", "believe", "believes", "believed",
    "think", "thinks", "thought", "suggested", "suggest", "suggests", "indicated", "indicates", "testified",
    "tweeted", "posted", "quoted", "cited", "cites", "declared", "declares", "asserted", "asserts", "maintained",
    "maintains", "revealed", "reveals", "disclosed", "concluded", "concludes", "in a statement",
    "in an interview", "described", "describes", "told reporters",
  ],
};
// cues that only count when nothing stronger is in the statement
const WEAK = new Set(["would", "should", "thought", "think", "believe", "believed", "suggest", "possible"]);
// MEANTIME modal cues are speculative, but weak ones stay weak. "can" states an ability, not a
// possibility: MEANTIME's dev events cued by "can" are CERTAIN 3 times in 4 ("members can add
// applications"), so it is no certainty cue; "must" and "will" are obligation and future, not doubt.
const MODAL_STATUS = { would: "speculative", can: null, should: "speculative", may: "speculative", might: "speculative", could: "speculative", must: null, will: null };

const IRREGULAR = { say: ["said", "says", "saying"], tell: ["told", "tells", "telling"], write: ["wrote", "writes", "writing", "written"], think: ["thought", "thinks", "thinking"], speak: ["spoke", "speaks", "speaking", "spoken"] };
function inflect(verb) {
  if (IRREGULAR[verb]) return [verb, ...IRREGULAR[verb]];
  const stem = verb.endsWith("e") ? verb.slice(0, -1) : verb;
  const s = /(?:s|sh|ch|x|z)$/.test(verb) ? `${verb}es` : /[^aeiou]y$/.test(verb) ? `${verb.slice(0, -1)}ies` : `${verb}s`;
  const ed = verb.endsWith("e") ? `${verb}d` : /[^aeiou]y$/.test(verb) ? `${verb.slice(0, -1)}ied` : `${verb}ed`;
  return [verb, s, ed, `${stem}ing`];
}

function readMeantime(dir) {
  const modal = new Map();
  const speech = new Map();
  if (!existsSync(dir)) return { modal, speech, files: 0 };
  const files = [];
  const walk = (d) => { for (const n of readdirSync(d)) { const p = path.join(d, n); if (statSync(p).isDirectory()) walk(p); else if (n.endsWith(".xml")) files.push(p); } };
  walk(dir);
  for (const f of files) {
    const xml = readFileSync(f, "utf8");
    const mentions = new Map();
    for (const m of xml.matchAll(/<EVENT_MENTION\b([^>]*)>/g)) {
      const a = Object.fromEntries([...m[1].matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
      mentions.set(a.m_id, a);
      const cue = (a.modality || "").toLowerCase().trim();
      if (cue && /^[a-z' ]+$/.test(cue) && a.certainty && a.certainty !== "CERTAIN") modal.set(cue, (modal.get(cue) ?? 0) + 1);
      else if (cue && /^[a-z]+$/.test(cue)) modal.set(cue, (modal.get(cue) ?? 0) + 1);
    }
    const speechInstances = new Set([...xml.matchAll(/<EVENT\b[^>]*class="SPEECH_COGNITIVE"[^>]*m_id="(\d+)"/g)].map((m) => m[1]));
    for (const r of xml.matchAll(/<REFERS_TO\b[^>]*>([\s\S]*?)<\/REFERS_TO>/g)) {
      const target = /<target m_id="(\d+)"/.exec(r[1])?.[1];
      if (!target || !speechInstances.has(target)) continue;
      for (const s of r[1].matchAll(/<source m_id="(\d+)"/g)) {
        const a = mentions.get(s[1]);
        if (a && a.pos === "VERB" && /^[a-z]+$/.test(a.pred)) speech.set(a.pred, (speech.get(a.pred) ?? 0) + 1);
      }
    }
  }
  return { modal, speech, files: files.length };
}

const entries = new Map();
function add(cue, status, from) {
  const key = cue.toLowerCase();
  const e = entries.get(key) ?? { cue: key, status, weak: WEAK.has(key), from: [] };
  if (!e.from.includes(from)) e.from.push(from);
  entries.set(key, e);
}
for (const [status, cues] of Object.entries(HAND)) for (const c of cues) add(c, status, "hand");

const { modal, speech, files } = readMeantime(meantimeDir);
for (const [cue, n] of modal) {
  const status = MODAL_STATUS[cue];
  if (status === null) continue;
  const known = entries.get(cue);
  if (known) { known.from.push("meantime:modality"); continue; }
  if (status) { add(cue, status, "meantime:modality"); entries.get(cue).weak = WEAK.has(cue); }
  else if (n >= 2) add(cue, "speculative", "meantime:modality");
}
const handWords = new Set(Object.values(HAND).flat());
for (const [verb, n] of speech) {
  const forms = inflect(verb);
  // a verb confirmed by the hand list, or frequent enough to trust from the corpus alone
  if (n < 2 && !forms.some((f) => handWords.has(f))) continue;
  for (const f of forms) {
    if (entries.has(f)) { const e = entries.get(f); if (!e.from.includes("meantime:speech")) e.from.push("meantime:speech"); continue; }
    // progressive and bare forms of speech verbs are too often nouns or imperatives to stand alone
    if (f.endsWith("ing") || f === verb) continue;
    add(f, "reported", "meantime:speech");
    entries.get(f).weak = true;
  }
}

const list = [...entries.values()].sort((a, b) => a.cue.localeCompare(b.cue));
const out = {
  about: "Certainty cues for claimline (generated by scripts/build-hedge-lexicon.mjs; do not edit by hand). status: claimline claim status the cue signals; weak: counts only when no stronger cue is in the statement; from: hand (Hyland 1998/2005 hedges, FactBank modality/polarity markers, news reporting verbs) and/or MEANTIME (CC BY 4.0, FBK/VU Amsterdam/UPV-EHU) modality and SPEECH_COGNITIVE annotations.",
  meantimeFiles: files,
  entries: list,
};
mkdirSync(path.dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify(out, null, 1)}\n`);
console.log(`hedge lexicon: ${list.length} cues (${files} MEANTIME files) → ${path.relative(root, outFile)}`);
