// Language guessing: English vs other common languages by stop words, others by script; non-English warns.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ingest } from "./index.js";
import { decideLanguage, detectLanguage } from "./language.js";
import { newsPage } from "./test-pages.js";

const SAMPLES: Record<string, string> = {
  en: "The government said on Monday that it would not raise taxes this year, despite pressure from the opposition and a growing deficit.",
  fr: "Le gouvernement a annoncé lundi qu'il ne relèverait pas les impôts cette année, malgré la pression de l'opposition et un déficit qui se creuse.",
  de: "Die Regierung hat am Montag erklärt, dass sie die Steuern in diesem Jahr nicht erhöhen wird, obwohl der Druck der Opposition und das Defizit wachsen.",
  es: "El gobierno dijo el lunes que no subirá los impuestos este año, a pesar de la presión de la oposición y de un déficit que sigue creciendo.",
  it: "Il governo ha detto lunedì che non aumenterà le tasse quest'anno, nonostante la pressione dell'opposizione e un deficit che continua a crescere.",
  pt: "O governo disse na segunda-feira que não vai aumentar os impostos este ano, apesar da pressão da oposição e de um défice que continua a crescer.",
  nl: "De regering heeft maandag gezegd dat zij de belastingen dit jaar niet zal verhogen, ondanks de druk van de oppositie en een groeiend tekort.",
  ru: "Правительство заявило в понедельник, что не будет повышать налоги в этом году, несмотря на давление оппозиции и растущий дефицит.",
  uk: "Уряд заявив у понеділок, що не підвищуватиме податки цього року, попри тиск опозиції та зростання дефіциту бюджету країни.",
  zh: "政府星期一表示，尽管反对派施加压力且赤字不断扩大，今年不会提高税收。",
  ja: "政府は月曜日、野党からの圧力や財政赤字の拡大にもかかわらず、今年は増税しないと発表した。",
  ko: "정부는 월요일 야당의 압력과 늘어나는 적자에도 불구하고 올해 세금을 인상하지 않겠다고 밝혔다.",
  ar: "قالت الحكومة يوم الاثنين إنها لن ترفع الضرائب هذا العام رغم ضغوط المعارضة وتزايد العجز في الميزانية.",
};

describe("language", () => {
  for (const [lang, text] of Object.entries(SAMPLES)) {
    it(`detects ${lang}`, () => assert.equal(detectLanguage(text)?.language, lang));
  }

  it("counts every non-ASCII character as a letter of the script share, Latin letters too, digits not", () => {
    // 40 Cyrillic letters against 40 Latin ones: a share of 0.5, over the 0.4 a script needs
    const half = `${"д".repeat(40)} ${"x".repeat(40)} 1234567890`;
    assert.deepEqual(detectLanguage(half), { language: "ru", confidence: 0.5 });
    // curly quotes and dashes are letters here too: 40 Cyrillic of 110 letters is a share under 0.4
    assert.equal(detectLanguage(`${"д".repeat(40)} ${"x".repeat(40)} ${"“—”".repeat(10)}`), undefined);
    // a Ukrainian letter among Cyrillic ones (over 2 %) says Ukrainian
    assert.equal(detectLanguage(`${"д".repeat(40)}ї`)?.language, "uk");
  });

  it("says nothing on too little evidence", () => {
    assert.equal(detectLanguage("Q3 2024: 12,000"), undefined);
  });

  it("warns for non-English text and sets source.language", async () => {
    const [a] = await ingest(SAMPLES.fr!);
    assert.equal(a?.source.language, "fr");
    assert.deepEqual(a?.warnings, ["language fr: extraction rules are English-only"]);
    const [b] = await ingest(SAMPLES.en!);
    assert.deepEqual(b?.warnings, []);
  });

  it("prefers a confident guess over a page's template lang, keeping the page's region when they agree", async () => {
    const paragraphs = [SAMPLES.de!, SAMPLES.de!.replace("Montag", "Dienstag"), SAMPLES.de!.replace("Regierung", "Opposition")];
    const [a] = await ingest(newsPage({ htmlAttrs: 'lang="en"', paragraphs }));
    assert.equal(a?.source.language, "de");
    assert.equal(decideLanguage(SAMPLES.en!, undefined, "en-AU").language, "en-AU");
  });

  it("lets the caller's language win (and still warns if it is not English)", () => {
    assert.deepEqual(decideLanguage(SAMPLES.en!, "es"), { language: "es", warning: "language es: extraction rules are English-only" });
  });
});
