import { tidy } from './mime-text.ts';

/*
 * Reply extraction: what the writer typed, without the history their client put under it.
 * Own rules rather than a library: the libraries tried (node-email-reply-parser, email-reply-parser)
 * know English headers only and hide real text (a Dutch line starting "Op 3 november …", everything
 * under a line starting "-woord"). The rules keep text whenever they are unsure, and every pattern is
 * anchored or bounded, so no input makes them backtrack (bench/mail.ts feeds them adversarial mail).
 */

/** Words for "wrote" in attribution lines ("Op … schreef X:", "On … X wrote:", "Am … schrieb X:", "Le … a écrit :", "… tarihinde şunu yazdı:", "… كتب X:"). */
const WROTE = /(?:^|[^\p{L}])(?:schreef|geschreven|wrote|schrieb|geschrieben|écrit|yazdı|escribió|scritto|skrev|كتب)(?:[^\p{L}]|$)/iu;
/** An attribution ends in a colon (French puts a space before it; Arabic mail may add a direction mark). */
const ENDS_COLON = /[:：][\s\u200e\u200f]*$/u;
/** It names a time, a year or an address: "Op 3 november schreef ik u al:" does not. */
const DATED = /\d{1,2}[:.]\d{2}|\d{4}|@/;
/** How attributions start ("Op …", "On …", "Am …", "Le …", "في …"); Turkish and some clients start with the name. */
const STARTS = /^[\u200e\u200f\s]*(?:op|on|am|le|el|il|em|den|في)\s/iu;

/** A line that opens a header block: "Van:", "From:", "Von:", "De :", "Kimden:", "من:". */
const FROM_FIELD = /^[\s>*]*(?:van|from|von|de|kimden|gönderen|من)[\s*]*[:：]/iu;
/** Any field of such a block (NL, EN, DE, FR, TR, AR). */
const FIELD =
  /^[\s>*]*(?:van|from|von|de|kimden|gönderen|من|verzonden|sent|gesendet|envoyé|gönderildi|gönderilme tarihi|tarih|datum|date|aan|to|an|à|kime|إلى|onderwerp|subject|betreff|objet|konu|الموضوع|cc|bcc|bilgi|نسخة|تاريخ الإرسال|التاريخ|reply-to|antwoord aan)[\s*]*[:：]/iu;
/** "-----Original Message-----", "-----Oorspronkelijk bericht-----", "-------- Doorgestuurd bericht --------" and their kin. */
const SEPARATOR =
  /^\s*-{2,}[^\n]{0,40}?(?:original|oorspronkelijk|ursprüngliche|origine|orijinal|özgün|الأصلية|forwarded|doorgestuurd|weitergeleitete|transféré|iletilen|توجيه|reenviado|inoltrato)[^\n]{0,40}-{2,}\s*$/iu;
/** Apple Mail's forward line and its translations. */
const FORWARD_LINE =
  /^\s*(?:begin (?:forwarded message|doorgestuurd bericht)|anfang der weitergeleiteten nachricht|début du message réexpédié|iletilen ileti başlangıcı|inizio messaggio inoltrato|comienzo del mensaje reenviado)\s*:\s*$/iu;

/**
 * Footers phone and mail apps add: "Verzonden vanaf mijn iPhone", "Von meinem Galaxy gesendet",
 * "Get Outlook for Android", "iPhone'umdan gönderildi", "تم الإرسال من iPhone". Both a sending word and
 * a device or app are needed, so "Verzonden met PostNL, maar nooit aangekomen." is the writer's.
 */
const FOOTER_VERB =
  /(?:sent|verzonden|verstuurd|gesendet|envoyé|enviado|inviato|gönderildi|gönderilmiştir|الإرسال|أرسلت|أُرسلت|مرسل|get|download|downloaden|herunterladen|holen|obtenir|télécharger|edinin|indirin|احصل|الحصول|ontvang|scarica|descarga)/iu;
const FOOTER_DEVICE =
  /(?:iphone|ipad|android|samsung|galaxy|outlook|blackberry|huawei|xiaomi|oneplus|pixel|mobiel|mobile|smartphone|telefoon|phone|handy|yahoo|gmail|mail für|mail for|mail voor|ios|aquamail|proton|tablet|tablette)/iu;
const footer = (line: string) => {
  const l = line.trim();
  return l.length > 0 && l.length <= 100 && !/[?!]$/.test(l) && l.split(/\s+/).length <= 12 && FOOTER_VERB.test(l) && FOOTER_DEVICE.test(l);
};

const blank = (l: string) => !l.trim();
const quoted = (l: string) => /^\s{0,3}>/.test(l);

/**
 * The history starts here: an original-message or forward separator, a header block (a From field
 * and two more fields right below it), or a dated attribution line that no `>` quotes follow (Gmail
 * and Outlook often send the history unquoted; see `attribution`).
 */
function historyAt(lines: string[], i: number): boolean {
  const l = lines[i]!;
  // Separators are short; the length check also keeps SEPARATOR from backtracking over a line of dashes.
  if (l.length <= 120 && (SEPARATOR.test(l) || FORWARD_LINE.test(l))) return true;
  if (FROM_FIELD.test(l)) {
    let fields = 0;
    for (let j = i + 1; j < Math.min(lines.length, i + 7) && fields < 2; j++) if (FIELD.test(lines[j]!)) fields++;
    if (fields >= 2) return true;
  }
  return false;
}

/**
 * How many lines ending at j form an attribution (0 if none): Gmail wraps it over two or three lines.
 * The shortest one that starts as attributions do, else the shortest one: so that a line of text just
 * above it is not taken for its start, nor its start (the wrapped "On … <") left behind as text.
 */
function attribution(lines: string[], j: number): number {
  if (quoted(lines[j]!) || !ENDS_COLON.test(lines[j]!)) return 0;
  let found = 0;
  for (let n = 1; n <= 3 && j + 1 - n >= 0; n++) {
    const first = lines[j + 1 - n]!;
    if (blank(first) || quoted(first)) break;
    const joined = lines.slice(j + 1 - n, j + 1).join(' ').trim();
    if (joined.length > 400) break; // attributions are short; long lines are text (and cheap to skip)
    if (WROTE.test(joined) && DATED.test(joined)) {
      if (STARTS.test(joined)) return n;
      found ||= n;
    }
  }
  // Gmail wraps a name-first attribution ("X <\nx@…>, … tarihinde şunu yazdı:") at the address.
  if (found && found < 3 && j - found >= 0 && /<\s*$/.test(lines[j - found]!)) found++;
  return found;
}

/** Whether `>` quotes follow line j (blank lines between allowed). */
function quotesFollow(lines: string[], j: number): boolean {
  let next = j + 1;
  while (next < lines.length && blank(lines[next]!)) next++;
  return next < lines.length && quoted(lines[next]!);
}

export interface Extracted {
  /** What the writer wrote. */
  text: string;
  /** Whether anything was left out (quoted history, a signature, a footer). */
  cut: boolean;
}

/**
 * The new part of a plain-text message.
 *  - History is cut from its first sign (see `historyAt`), or from an attribution without `>` quotes.
 *  - An attribution with `>` quotes under it goes with those quotes; unquoted lines between them
 *    (answers inline) stay, and so does a `>` passage the writer quoted above the attribution.
 *  - A last `>` block with no attribution goes (a client quoting without one); a `>` line inside text stays.
 *  - Phone footers and a "-- " signature at the end go.
 *  - Nothing left: the whole text (a forward without a note is the message the writer sends us).
 */
export function extractReply(text: string): Extracted {
  const all = text.replace(/\r\n?/g, '\n').split('\n');
  const whole = tidy(all);
  let kept: string[] = [];
  let quoting = false;
  let attributed = false;
  for (let i = 0; i < all.length; i++) {
    const line = all[i]!;
    if (quoted(line)) {
      if (!quoting) kept.push(line); // quoted lines start no history and are no attribution
      continue;
    }
    if (historyAt(all, i)) break;
    const n = attribution(all, i);
    if (n) {
      kept.length -= n - 1; // the attribution's first lines (Gmail wraps it) were kept already
      attributed = true;
      if (!quotesFollow(all, i)) break;
      quoting = true;
      continue;
    }
    kept.push(line);
  }
  const dropTail = (quotes: boolean) => {
    for (let l = kept.at(-1); l !== undefined && (blank(l) || (quotes && quoted(l)) || footer(l) || /^\s*_{8,}\s*$/.test(l)); l = kept.at(-1)) kept.pop();
  };
  dropTail(!attributed);
  // RFC 3676's signature delimiter "-- "; a bare "--" (clients that lose the space) only above a few
  // short lines that say nothing: it may be the writer's own separator.
  const dashes = kept.findLastIndex((l) => l.trimEnd() === '--');
  const signature = kept.slice(dashes + 1).filter((l) => !blank(l));
  if (dashes > 0 && signature.length <= 15 && (kept[dashes] === '-- ' || signature.every((l) => l.trim().length <= 60 && !/[.?!:]$/.test(l.trim()))))
    kept = kept.slice(0, dashes);
  dropTail(false);
  const out = tidy(kept);
  if (!out) return { text: whole, cut: false };
  return { text: out, cut: out !== whole };
}
