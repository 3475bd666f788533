/**
 * Chinese pages write dates many ways: 2020年02月14日 12:37, 2020-3-5 08:54:41,
 * 发表于: 2020-03-10, 2020/03/13 09:14. Returns ISO 8601: date only when the page
 * gives only a date, seconds only when it gives them.
 */
const DATE_TIME =
  /((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2})\s*[:：时時]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?/;

/** "7/5/2005 9:23:57 PM": an ASP or .NET server printing in the US locale, month first. */
const US_DATE_TIME = /\b(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP])\.?M\b/i;

const pad = (n: string | number) => String(n).padStart(2, '0');

export interface FoundDate {
  iso: string;
  /** The matched text, so callers can take it out of a line. */
  text: string;
}

interface DateParts {
  all: string;
  y: string;
  mo: string;
  d: string;
  h?: string;
  mi?: string;
  s?: string;
}

function dateParts(text: string): DateParts | null {
  const cn = DATE_TIME.exec(text);
  if (cn) return { all: cn[0], y: cn[1]!, mo: cn[2]!, d: cn[3]!, h: cn[4], mi: cn[5], s: cn[6] };
  const us = US_DATE_TIME.exec(text);
  if (!us) return null;
  const hour = (Number(us[4]) % 12) + (/p/i.test(us[7]!) ? 12 : 0);
  return { all: us[0], y: us[3]!, mo: us[1]!, d: us[2]!, h: String(hour), mi: us[5], s: us[6] };
}

export function findChineseDate(text: string): FoundDate | null {
  const m = dateParts(text);
  if (!m) return null;
  const { all, y, mo, d, h, mi, s } = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return null;
  let iso = `${y}-${pad(mo)}-${pad(d)}`;
  // "2020-03-10 00:00" is how many sites print a date whose time they do not know.
  const midnight = Number(h) === 0 && Number(mi) === 0 && !Number(s ?? 0);
  if (h !== undefined && mi !== undefined && Number(h) < 24 && Number(mi) < 60 && !midnight) {
    iso += `T${pad(h)}:${pad(mi)}:${pad(s ?? 0)}`;
  }
  return { iso, text: all };
}

export function parseChineseDate(text: string): string | null {
  return findChineseDate(text)?.iso ?? null;
}

/** "GMT-6" / "GMT+8" / "UTC+08:00" as an ISO offset ("-06:00"). */
export function offsetOf(hint: string): string | null {
  const m = /(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?/i.exec(hint);
  if (!m) return null;
  return `${m[1]}${pad(m[2]!)}:${m[3] ?? '00'}`;
}

/** Adds the site's offset to a local date-time (date-only values stay dates). */
export function withOffset(iso: string | null, hint: string | null): string | null {
  if (!iso || !hint || !iso.includes('T') || /[+-]\d{2}:\d{2}$|Z$/.test(iso)) return iso;
  const offset = offsetOf(hint);
  return offset ? iso + offset : iso;
}
