// "A group called X", "His fund, called X": a participle "called" that names a thing has no speaker (PolNeAR marks the cue alone).
import type { Span } from "../../../core/record.js";

// a person's noun ("one lawmaker called Trump …" is a report): role words and agent endings
const PERSON_HEAD =
  /(?:er|or|ist|ian|man|woman|men|women|ant|ent|ee|aide|aides|official|officials|chief|staff|expert|experts|leader|leaders|member|members|friend|friends|critic|critics|ally|allies|analyst|analysts|source|sources|candidate|candidates|nominee|rival|rivals|delegate|delegates|executive|executives|democrat|democrats|republican|republicans|voters?|users?|fans?|person|people|guy|host|judge|coach|mother|father|wife|husband|son|daughter|sister|brother)$/i;
const INDEFINITE_NP = /^(?:a|an|one|another)\s+(?:[\p{L}\d'’-]+\s+){0,3}([\p{L}\d'’-]+)$/iu;

/** Whether the cue at `cue` is a naming "called" whose would-be speaker at `speaker` is the thing named or its namer. */
export function namingCalled(text: string, cue: Span, speaker: Span): boolean {
  if (text.slice(cue[0], cue[1]).toLowerCase() !== "called") return false;
  // "His group, called the X Fund": no speaker writes after a plain "called"
  if (speaker[0] >= cue[1]) return true;
  // "a website called Y", "a group of activists called Z": an indefinite thing right before the participle
  if (!/^\s+$/.test(text.slice(speaker[1], cue[0]))) return false;
  const m = INDEFINITE_NP.exec(text.slice(speaker[0], speaker[1]));
  return !!m && !PERSON_HEAD.test(m[1]!);
}
