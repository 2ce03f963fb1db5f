// Word lists for finding and typing names: generated ones (names.json) loaded lazily, hand-written ones below.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { outsideBudget } from "../../../core/pipeline.js";

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/** Words that make a capitalised sequence an organisation wherever they stand in it ("Center for …", "… News"). */
export const ORG_WORDS = words(`
  center centre college university universities council ministry agency institute institution news party army corp
  corporation inc ltd llc plc co company companies program programme foundation association commission committee
  group bank fund federation union league court department office service services bureau board authority
  organisation organization navy parliament assembly congress senate times post journal press network television tv
  radio airlines airways motors industries holdings partners technologies systems laboratories laboratory labs school
  academy hospital club church society alliance coalition movement front brigade battalion regiment command guard
  affairs studies research tribune herald gazette securities petroleum pharmaceuticals exchange trust initiative
  project forum cabinet government police nations watch unit division directorate
  secretariat observatory monitor broadcasting broadcaster channel magazine daily telegraph guardian independent
  endowment chamber tribunal administration inspectorate prosecutor's airline airport railways railway bancorp
  ministries agencies parliaments
`);

/** Organisations named by one word that is neither an acronym nor in the gazetteer. */
export const KNOWN_ORGS = words(`
  kremlin pentagon reuters interpol europol hamas hezbollah taliban wagner gazprom rosatom nasa unesco unicef
  bloomberg xinhua tass interfax ria facebook google twitter microsoft telegram youtube tiktok fed
`);
/** Organisations whose names are ordinary words or particles and so escape the other rules. */
export const KNOWN_ORG_NAMES = new Set([
  "al jazeera", "al-jazeera", "associated press", "agence france-presse", "new york times", "washington post",
  "wall street journal", "financial times", "deutsche welle", "fox news", "sky news", "voice of america",
  "radio free europe", "human rights watch", "amnesty international", "doctors without borders", "red cross",
  "red crescent", "world bank", "islamic state", "european union", "united nations", "african union",
]);

/** Words after which a capitalised name is an event, not the organisation or place before it. */
export const EVENT_WORDS = words(`summit cup games olympics championship championships festival expo open awards`);

/** Title words that precede a person's name; a sequence of them ends at the name ("Prime Minister", "Gen."). */
export const TITLE_WORDS = words(`
  president vice prime minister deputy foreign defence defense finance interior secretary state chancellor
  premier king queen prince princess pope sheikh emir sultan ayatollah general gen gen. lt lt. col col. maj maj.
  capt capt. sgt sgt. adm adm. admiral commander colonel lieutenant major captain sergeant marshal field chief
  senator sen sen. representative rep rep. governor gov gov. mayor ambassador judge justice attorney
  dr dr. prof prof. professor mr mr. mrs mrs. ms ms. miss sir dame lord lady rev rev. father bishop archbishop
  cardinal rabbi imam spokesman spokeswoman spokesperson coach striker midfielder defender goalkeeper leader
  opposition speaker dictator chairman chairwoman ceo director
`);
/** Job nouns that describe a person before or after the name ("Brookings analyst Jane Doe", "Doe, director of …"). */
export const ROLE_NOUNS = words(`
  analyst analysts expert researcher research economist professor lecturer historian scientist fellow director head
  chief executive founder co-founder editor correspondent reporter journalist columnist spokesman spokeswoman
  spokesperson adviser advisor lawyer attorney commander officer official diplomat envoy ambassador minister
  secretary member leader chairman chairwoman chair president vice-president ceo cfo manager strategist consultant
  campaigner activist organiser organizer coordinator negotiator mayor governor senator lawmaker legislator mp
  author observer specialist associate partner deputy assistant
`);

/** Titles that tell the person's gender, for later pronoun resolution. */
export const FEMALE_TITLES = words(`mrs mrs. ms ms. miss queen princess dame lady spokeswoman chairwoman`);
export const MALE_TITLES = words(`mr mr. king prince sir lord father sheikh emir sultan spokesman chairman`);

/** Plural or collective nouns that turn a nationality, country or organisation into a group of people. */
export const GROUP_NOUNS = words(`
  officials official intelligence military troops soldiers forces government authorities police diplomats leaders
  leadership lawmakers legislators prosecutors investigators experts analysts sources navy negotiators delegation
  embassy ministry officers commanders generals fighters rebels militants citizens nationals people voters workers
  residents businesses companies firms banks regulators media officers spies army air-force
`);
/** Of these, the ones that are also adjectives ("military fatigues"): a group only when no noun follows. */
export const ADJECTIVAL_GROUP_NOUNS = words(`intelligence military government police security army navy media`);

/** Geographic nouns that make a nationality adjective a place ("the Korean peninsula"). */
export const GEO_NOUNS = words(`peninsula archipelago subcontinent`);

/** Verbs of saying: a capitalised name next to one is a person. */
export const SPEECH_VERBS = words(`
  said says say told tells added adds wrote writes stated explained explains argued argues noted notes warned
  warns claimed claims asked asks replied insisted acknowledged announced believes thinks thought according
  tweeted posted commented continued recalled
`);

/** Capitalised words that are never names by themselves (calendar words, directions, pronouns). */
export const NEVER_NAMES = words(`
  i monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december mon tue wed thu fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec
  north south east west northern southern eastern western central mr mrs ms dr god ok tv am pm
  covid covid-19 ai usd eur gbp lgbt lgbtq lgbtq+ gdp cpi ceo cfo cop tv dna hiv aids sars mers vip faq usb 5g ev
  ebola phd mp mps
`);

/** Lower-case words that may sit inside a name between capitalised words. */
export const ORG_CONNECTORS = words(`of for on and`);
export const NAME_PARTICLES = words(`de da del della di du van von der den la le al el bin ibn dos das ter ten`);

interface NamesFile {
  female: string[]; male: string[]; personTokens: string[]; orgSuffixes: string[]; commonWords: string[];
}

export interface NameLexicon {
  female: Set<string>;
  male: Set<string>;
  /** tokens that are mostly parts of person names in annotated news (CoNLL-2003 train) */
  personTokens: Set<string>;
  orgWords: Set<string>;
  /** words written lower-case mid-sentence far more often than capitalised (Reuters-21578) */
  common: Set<string>;
  loadMs: number;
}

// src/nlp/en/lexicons and dist/nlp/en/lexicons both sit four levels below the project root.
const DATA = fileURLToPath(new URL("../../../../src/nlp/en/lexicons/names.json", import.meta.url));
let loaded: NameLexicon | undefined;

export function nameLexicon(): NameLexicon {
  return loaded ?? outsideBudget(readNameLexicon);
}

function readNameLexicon(): NameLexicon {
  if (loaded) return loaded;
  const t0 = performance.now();
  const raw = JSON.parse(readFileSync(DATA, "utf8")) as NamesFile;
  // CoNLL's organisation-final words are mostly sports clubs ("Giants", "Hearts"); only those that are
  // also ordinary institution words widen the hand-written list
  const orgWords = new Set(ORG_WORDS);
  for (const w of raw.orgSuffixes) if (/(?:ion|ment|ity|ess|ate|ury|ers|ies)$/.test(w) && w.length > 5) orgWords.add(w);
  loaded = {
    female: new Set(raw.female), male: new Set(raw.male), personTokens: new Set(raw.personTokens), orgWords,
    common: new Set(raw.commonWords), loadMs: 0,
  };
  loaded.loadMs = performance.now() - t0;
  return loaded;
}
