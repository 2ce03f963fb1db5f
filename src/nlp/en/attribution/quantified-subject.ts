// A poll's quantified subject as written: "Nine in 10 Democratic registered voters", "about half of voters", "Less than a third", "Not everyone".

// How much of a group: a number or a share, perhaps hedged ("about", "more than"), perhaps "N in 10".
const HEDGE = String.raw`(?:(?:about|nearly|almost|roughly|just|only|some|around|over|under|at\s+least|at\s+most|more\s+than|less\s+than|fewer\s+than|up\s+to|not|barely)\s+)?`;
const NUMBER = String.raw`(?:\d+(?:[,.]\d+)*|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)`;
const SHARE = String.raw`(?:${NUMBER}(?:\s*(?:%|percent|per\s+cent)|\s+(?:in|out\s+of)\s+(?:\d+|ten))?|half|(?:a|one|two)[\s-](?:third|quarter|fifth)s?|two-thirds|three-quarters|three-fourths|(?:a|the)\s+(?:majority|minority|plurality|handful)|majorities|most|many|everyone|everybody)`;
// Modifiers between the share and the head noun the extractor found ("of Democratic registered voters"), no verb or clause word.
const MODIFIER = String.raw`(?:(?!(?:is|are|was|were|has|have|had|who|which|that|said|say|says)\b)[\p{L}'’-]+\s+){0,3}`;
// The share opens the subject: after the sentence start, a clause boundary or a conjunction.
const QUANTIFIED = new RegExp(String.raw`(?:^|[,;:(—–]\s*|[.!?]\s+|\b(?:and|but|while|whereas|as|yet|though|although)\s+)(${HEDGE}${SHARE}(?:\s+(?:of|in)(?:\s+(?:the|all|those))?)?\s+${MODIFIER})$`, "iu");

// "About four in | 10 voters": the share's first half before a phrase that opens with the "10".
const NUMBER_IN = new RegExp(String.raw`(?:^|[,;:(—–]\s*|[.!?]\s+|\b(?:and|but|while|whereas|as|yet|though|although)\s+)(${HEDGE}${NUMBER}\s+(?:in|out\s+of)\s+)$`, "iu");

/**
 * Where a subject starts that quantifies the phrase beginning at `start` ("Nine in 10 | voters"), reading the text
 * back to `from` (the sentence start or a bound); `undefined` when no share is written right before it.
 */
export function quantifiedStart(text: string, from: number, start: number): number | undefined {
  const before = text.slice(from, start);
  const m = QUANTIFIED.exec(before) ?? (/^(?:\d+|ten)\b/i.test(text.slice(start, start + 4)) ? NUMBER_IN.exec(before) : null);
  if (!m || !/\S/.test(m[1]!)) return undefined;
  return start - m[1]!.length;
}

// A hedge alone before a phrase that is itself the share ("Not | everyone", "about | half of voters", "Less than | a
// third"): the extractor's phrase started at the share, the hedge is part of the subject.
// ("only" is the subject's, "Only three senators said": PolNeAR train 15 times of 18; "just" stays out, "Just 28
// percent of voters said", as often as not)
const HEDGE_ALONE = new RegExp(String.raw`(?:^|[,;:(—–]\s*|[.!?]\s+|\b(?:and|but|while|whereas|as|yet|though|although)\s+)((?:only|about|nearly|almost|roughly|some|around|over|under|at\s+least|at\s+most|more\s+than|less\s+than|fewer\s+than|up\s+to|not|barely)\s+)$`, "iu");
const SHARE_OPENING = new RegExp(String.raw`^${SHARE}(?![\p{L}\d-])`, "iu");

/** Where a subject starts whose phrase at `start` opens with a share and has a hedge right before it; else `undefined`. */
export function hedgedStart(text: string, from: number, start: number): number | undefined {
  if (!SHARE_OPENING.test(text.slice(start, start + 40))) return undefined;
  const m = HEDGE_ALONE.exec(text.slice(from, start));
  if (!m || !/\S/.test(m[1]!)) return undefined;
  return start - m[1]!.length;
}

// A hedge split by the extractor at its preposition ("at | least four senators", "as | many as 40 percent"): "least"
// and "many as" never open a subject, the words before them are the hedge's first half.
const SPLIT_HEDGE = /(?:^|[^\p{L}'’])((?:at|as)\s+)$/iu;
const SPLIT_OPENING = /^(?:least|most|(?:many|much|few|little|recently|early|late)\s+as)\b/i;

/** Where a subject starts whose phrase at `start` opens inside a split hedge ("at | least …"); else `undefined`. */
export function splitHedgeStart(text: string, start: number): number | undefined {
  const opening = SPLIT_OPENING.exec(text.slice(start, start + 20));
  if (!opening) return undefined;
  const m = SPLIT_HEDGE.exec(text.slice(Math.max(0, start - 10), start));
  if (!m) return undefined;
  // ("at | least", "as | many as": the preposition that goes with the opening)
  if (/^as/i.test(m[1]!) !== /\sas$/i.test(opening[0])) return undefined;
  return start - m[1]!.length;
}
