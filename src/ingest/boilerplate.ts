// Short page-furniture lines that survive Readability (gallery counters, photo credits, "Advertisement", menus).

const UI_LINE = new RegExp(
  "^(?:" +
    [
      "advert(?:isement)?", "ad", "caption", "close", "comments?", "\\d+ comments?", "subscribe", "sign (?:in|up|out)", "log ?in",
      "share(?: this(?: article| story| post)?)?(?: on \\w+)?", "print", "email", "e-mail", "menu", "search", "home",
      "you (?:may|might) also like", "related(?: articles| stories| posts| content| news)?", "read more", "more", "see more",
      "recent (?:articles|posts)", "popular(?: this week| now)?", "most (?:read|popular)", "latest(?: news)?",
      "breaking news", "don'?t miss", "trending(?: now)?", "view author archive", "email the author", "skip ad",
      "follow us", "newsletter", "sign up for our newsletter", "view comments", "show comments", "loading(?: content)?\\s*\\.*",
      "back to top", "about the author", "highlights",
      "tell us what you think\\.*", "(?:next|previous) (?:article|story|post)", "whatsapp", "facebook", "twitter", "linkedin",
      "pinterest", "reddit", "copy link", "listen to this article", "\\d+ min(?:ute)? read",
    ].join("|") +
    ")[\\s.:!|»›>-]*$",
  "i",
);
const GALLERY_COUNTER = /^(?:image|photo|picture|slide)\s+\d+\s+(?:of\s*)?\/?\s*\d+$/i;
const CREDIT = /^(?:photo|image|picture|video|illustration|graphic)s?(?:\s+copyright)?\s*(?::|by|credit)\s*\S/i;
const IMAGE_COPYRIGHT = /^image copyright\b/i;
/** A line that is only a date or timestamp ("Nov. 19, 2019 6:55 AM EST", "19 NOV 2019"). */
const BARE_DATE = /^(?:\w+,?\s+)?(?:\p{L}{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\p{L}{3,9}\.?\s+\d{4}|\d{4}-\d{2}-\d{2})(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?$/iu;
const DATELINE = /^\|?\s*(?:published|updated|posted|last updated|first published)\s*:?\s.{0,60}\b(?:19|20)\d{2}\b.{0,20}$/i;

/** Cross-links to other stories: "Related: …", "Read more: …". */
const CROSS_LINK = /^(?:related|read more|see more|more|also read|read also|recommended|watch|listen|more on this story|related articles?|related stories?)\s*:/i;
/** A caption that ends in a photo credit: "(Image: Getty)", "(AP Photo/Jane Doe)", "| Getty Images". */
const CAPTION_CREDIT = /(?:\((?:image|photo|picture|pic|video|credit)s?(?:\s+credit)?\s*:[^)]*\)|\(AP Photo\/[^)]*\)|[|/]\s*(?:Getty Images|AFP|Reuters|AP|EPA|Shutterstock)\)?)\s*$/i;
const COOKIE_NOTICE = /\bcookies?\b.*\b(?:website|this site|experience|accept|consent|opt-out)\b/i;
const NEWSLETTER_PROMO = /\b(?:sign up|subscribe)\b.{0,80}\b(?:newsletters?|inbox)\b/i;

/** Words a dateline is made of besides numbers: months, weekdays, clock and zone words, "updated", "ago". */
const DATE_WORD = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|[ap]m|[ap]|a\.m|p\.m|noon|midnight|updated?|posted|published|modified|last|first|on|at|by|ago|today|yesterday|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?|st|nd|rd|th|utc|gmt|z)$/i;
/** Time-zone abbreviations are written in capitals (EST, HST, AMT). */
const ZONE = /^[A-Z]{1,4}T$/;
/** Besides a clock time, a stamp names a month, a year, or says it was updated or posted ("4:14 p.m." alone heads a live-blog entry). */
const STAMP_WORD = /\b(?:19|20)\d{2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\bago\b|\b(?:updated|posted|published)\b/i;
/** A clock time, a numeric date, a month name next to a number, or "… ago". */
const HAS_DATE = /\b\d{1,2}:\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b\d+\s+\w+\s+ago\b/i;

/**
 * A line that is a date stamp with at most a few other words ("Updated Nov 19, 6:55 AM; Posted Nov 19",
 * "By Staff | November 18, 2019 at 2:26 PM HST", "Published 1 day ago"): the page's dateline, not prose.
 */
export function isDatelineLine(line: string): boolean {
  // A sentence that mentions a date ends like one ("It rose on May 5."); stamps end in a time or a zone.
  // Tweets quoted in the article end with "— Name (@handle) November 18, 2019": a handle is never a stamp.
  if (line.length > 100 || line.includes("@") || !HAS_DATE.test(line) || !STAMP_WORD.test(line)) return false;
  // Two letters before the mark, not `\p{L}{2,}`: the same test, but a run of letters is not rescanned from each one.
  if (/(?:\p{L}{2}|\d)[.!?]["”’]?$/u.test(line)) return false;
  let other = 0;
  for (const w of line.match(/[\p{L}]+(?:\.[\p{L}])?/gu) ?? []) {
    if (!DATE_WORD.test(w) && !ZONE.test(w) && ++other > 2) return false;
  }
  return true;
}

/** True for a line that is page furniture rather than article prose; only short lines are ever judged. */
export function isBoilerplateLine(line: string): boolean {
  if (line.length > 300) return false;
  if (CROSS_LINK.test(line) || CAPTION_CREDIT.test(line) || COOKIE_NOTICE.test(line) || NEWSLETTER_PROMO.test(line)) return true;
  if (line.length > 90) return false;
  return isDatelineLine(line) || UI_LINE.test(line) || GALLERY_COUNTER.test(line) || CREDIT.test(line) || IMAGE_COPYRIGHT.test(line) || DATELINE.test(line) || BARE_DATE.test(line);
}
