// A small, fast language guesser: writing system first, then stop-word counts for Latin-script languages.

const STOPWORDS: Record<string, string> = {
  en: "the of and to in is that for it was on with as he at by this be are from have his has but not they an were which said their been would who will its had she her there after more also about",
  fr: "le la les de des du en et est une un que qui dans pour pas sur au aux ce cette il elle sont avec par plus ont été mais ses leur nous vous ou comme fait",
  de: "der die das und ist nicht den von zu mit sich des auf für im dem ein eine einer eines auch es an als wird werden hat haben sind wie aus bei nach oder aber noch wurde",
  es: "el la los las de del y en que un una es por con para se no su al lo como más pero sus le ha fue son este esta entre cuando muy sin sobre también",
  it: "il di che la le gli del della è per un una non con sono da dei delle nel nella si al alla ha anche come più ma lo questo questa stato sua suo",
  pt: "o a os as de do da dos das e em que um uma é para com não no na por se mais ao foi são seu sua como mas ou tem pelo pela também",
  nl: "de het een en van in is dat op te zijn niet met voor er aan die om ook als bij door maar naar dan nog wordt heeft werd over uit",
};

const LEXICON = new Map<string, string[]>();
for (const [lang, words] of Object.entries(STOPWORDS)) {
  for (const w of words.split(" ")) {
    const list = LEXICON.get(w);
    if (list) list.push(lang);
    else LEXICON.set(w, [lang]);
  }
}

export interface LanguageGuess {
  /** ISO 639-1 code */
  language: string;
  /** 0..1: the share of the evidence that points to this language */
  confidence: number;
}

/**
 * Characters read: 2,000 give the same decisions as 6,000 on the 447 war-news texts and the 181 Zyte pages
 * (several hundred words, dozens of stop words) at a third of the cost (docs/performance.md).
 */
const SAMPLE_CHARS = 2000;

/** Guesses the language of a text from its first few thousand characters; undefined when the evidence is thin. */
export function detectLanguage(text: string): LanguageGuess | undefined {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const script = scriptLanguage(sample);
  if (script) return script;
  const counts: Record<string, number> = {};
  let hits = 0;
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  for (const w of words) {
    const langs = LEXICON.get(w);
    if (!langs) continue;
    hits++;
    // A word shared by several languages is weak evidence for each.
    for (const l of langs) counts[l] = (counts[l] ?? 0) + 1 / langs.length;
  }
  if (hits < 5) return undefined;
  let best = "";
  let bestScore = 0;
  let total = 0;
  for (const [l, c] of Object.entries(counts)) {
    total += c;
    if (c > bestScore) {
      best = l;
      bestScore = c;
    }
  }
  return { language: best, confidence: bestScore / total };
}

/**
 * Languages told by their writing system alone (counted over letters, so digits and Latin names do not dilute it;
 * every non-ASCII character counts as a letter). ASCII letters are counted by a regex and only the non-ASCII
 * characters are looped over: few in an English text, and a loop over every character ran slowly on the first
 * pages of a run, before V8 optimised it.
 */
function scriptLanguage(sample: string): LanguageGuess | undefined {
  const others = sample.replace(/[\x00-\x7f]+/g, "");
  let letters = sample.replace(/[^A-Za-z]+/g, "").length;
  let cyr = 0, ukr = 0, han = 0, kana = 0, hangul = 0, arabic = 0, hebrew = 0, greek = 0;
  for (let i = 0; i < others.length; i++) {
    const c = others.charCodeAt(i);
    letters++;
    if (c >= 0x400 && c < 0x530) {
      cyr++;
      // і ї є ґ occur in Ukrainian and not in Russian.
      if (c === 0x456 || c === 0x457 || c === 0x454 || c === 0x491) ukr++;
    } else if (c >= 0x4e00 && c < 0xa000) han++;
    else if (c >= 0x3040 && c < 0x3100) kana++;
    else if (c >= 0xac00 && c < 0xd7b0) hangul++;
    else if (c >= 0x600 && c < 0x700) arabic++;
    else if (c >= 0x590 && c < 0x600) hebrew++;
    else if (c >= 0x370 && c < 0x400) greek++;
  }
  if (letters < 20) return undefined;
  const share = (n: number) => n / letters;
  if (share(kana) > 0.05) return { language: "ja", confidence: share(kana + han) };
  if (share(hangul) > 0.3) return { language: "ko", confidence: share(hangul) };
  if (share(han) > 0.3) return { language: "zh", confidence: share(han) };
  if (share(cyr) > 0.4) return { language: ukr / cyr > 0.02 ? "uk" : "ru", confidence: share(cyr) };
  if (share(arabic) > 0.4) return { language: "ar", confidence: share(arabic) };
  if (share(hebrew) > 0.4) return { language: "he", confidence: share(hebrew) };
  if (share(greek) > 0.4) return { language: "el", confidence: share(greek) };
  return undefined;
}

/** The primary subtag of a language tag: "en-GB" and "en_US" give "en". */
export function primaryLanguage(tag: string): string {
  return tag.trim().split(/[-_]/)[0]!.toLowerCase();
}

export interface LanguageDecision {
  language?: string;
  warning?: string;
}

/**
 * Picks the language to record: the caller's wins, then a confident guess from the text (page templates often
 * declare a wrong lang), then the page's declaration. Non-English gets the warning the CLI reports.
 */
export function decideLanguage(text: string, given?: string, declared?: string): LanguageDecision {
  let language = given;
  if (!language) {
    const guess = detectLanguage(text);
    if (guess && guess.confidence >= 0.6) {
      language = declared && primaryLanguage(declared) === guess.language ? declared : guess.language;
    } else {
      language = declared ?? guess?.language;
    }
  }
  if (!language) return {};
  const primary = primaryLanguage(language);
  return primary === "en" ? { language } : { language, warning: `language ${primary}: extraction rules are English-only` };
}
