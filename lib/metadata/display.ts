/**
 * A published time as readers write it: "2020-03-05 08:54". Times stay in the site's
 * own clock; an offset other than China's +08:00 is named, e.g. "(UTC-06:00)".
 */
export function displayTime(iso: string | null): string | null {
  if (!iso) return null;
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(iso);
  if (!m) return iso;
  const [, date, time, offset] = m;
  if (!time) return date!;
  const zone = offset && offset !== '+08:00' ? ` (UTC${offset === 'Z' ? '' : offset})` : '';
  return `${date} ${time}${zone}`;
}
