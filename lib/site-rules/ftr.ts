import { type CssSelection, XPathNotSupported, xpathToCss } from './xpath';
import { RULE_SCHEMA_VERSION, type SiteRule, parseRules } from './schema';

/**
 * Rule files of fivefilters' ftr-site-config (Full-Text RSS, wallabag): `directive: value`
 * lines, the site named by the file (`example.com.txt`, `.example.com.txt` for every
 * subdomain). What has a Jingdu equivalent becomes one rule; every other line is listed
 * with the reason, so nothing is dropped without a word.
 */
export interface NotImported {
  line: number;
  text: string;
  reason: string;
}

export interface FtrImport {
  rule: SiteRule | null;
  notImported: NotImported[];
}

const MOST_LINE_CHARS = 2000;

/** Lines Jingdu has no use for, and why. */
const NOT_NEEDED: Record<string, string> = {
  prune: "Jingdu's own cleanup always runs",
  tidy: "Jingdu's own cleanup always runs",
  autodetect_on_failure: 'automatic extraction is always the fallback',
  parser: 'pages are read by the browser',
  skip_json_ld: 'no equivalent',
  insert_detected_image: 'no equivalent',
  single_page_link: 'no equivalent (later pages are merged instead)',
  find_string: 'text replacement is not supported: a rule only chooses, cuts or reads elements',
  replace_string: 'text replacement is not supported: a rule only chooses, cuts or reads elements',
  native_ad_clue: 'no equivalent',
  dissolve: 'no equivalent',
  wrap_in: 'no equivalent',
  move_into: 'no equivalent',
  if_page_contains: 'no equivalent',
  login_uri: 'Jingdu never logs in for you',
  login_username_field: 'Jingdu never logs in for you',
  login_password_field: 'Jingdu never logs in for you',
  not_logged_in_xpath: 'Jingdu never logs in for you',
  requires_login: 'Jingdu never logs in for you',
};

/** `example.com.txt` → its hosts; ftr reads `www.` as the same site. */
export function ftrHosts(fileName: string): string[] {
  const name = fileName.split(/[\\/]/).pop() ?? '';
  if (!/\.txt$/i.test(name)) return [];
  const base = name.slice(0, -4).toLowerCase();
  if (!/^\.?[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u.test(base)) return [];
  if (base.startsWith('.') || base.startsWith('www.')) return [base];
  return [base, `www.${base}`];
}

function directiveOf(line: string): { key: string; value: string } | null {
  const colon = line.indexOf(':');
  if (colon <= 0) return null;
  return { key: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).trim() };
}

export function importFtrConfig(text: string, fileName: string): FtrImport {
  const hosts = ftrHosts(fileName);
  const notImported: NotImported[] = [];
  const content: string[] = [];
  const remove: string[] = [];
  const fields: Record<string, Array<string | { selector: string; attr?: string }>> = {};
  const tests: Array<{ url: string; contains: string[] }> = [];
  let nextPage: string | undefined;
  let srcAttr: string | undefined;

  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const skip = (reason: string) => notImported.push({ line: i + 1, text: line.slice(0, 200), reason });
    if (line.length > MOST_LINE_CHARS) return skip(`longer than ${MOST_LINE_CHARS} characters`);
    const d = directiveOf(line);
    if (!d) return skip('not a "directive: value" line');
    const key = d.key.replace(/\(.*$/, ''); // replace_string(x), http_header(user-agent)
    const css = (): CssSelection | null => {
      try {
        return xpathToCss(d.value);
      } catch (err) {
        if (!(err instanceof XPathNotSupported)) throw err;
        skip(`XPath with no CSS equivalent: ${err.message}`);
        return null;
      }
    };
    switch (key) {
      case 'body': {
        const c = css();
        if (c) content.push(c.selector);
        return;
      }
      case 'title':
      case 'author':
      case 'date': {
        const c = css();
        if (c) (fields[key] ??= []).push(c.attr ? { selector: c.selector, attr: c.attr } : c.selector);
        return;
      }
      case 'strip': {
        const c = css();
        if (c) remove.push(c.selector);
        return;
      }
      case 'strip_id_or_class': {
        const name = d.value.replace(/^["']|["']$/g, '');
        if (!name) return skip('empty');
        const quoted = JSON.stringify(name);
        remove.push(`[id*=${quoted}], [class*=${quoted}]`);
        return;
      }
      case 'strip_image_src':
        remove.push(`img[src*=${JSON.stringify(d.value)}]`);
        return;
      case 'next_page_link': {
        const c = css();
        if (c && !nextPage) nextPage = c.selector;
        return;
      }
      case 'src_lazy_load_attr':
        srcAttr = d.value;
        return;
      case 'test_url':
        if (!/^https?:\/\//i.test(d.value)) return skip('not a web address');
        tests.push({ url: d.value, contains: [] });
        return;
      case 'test_contains':
        if (!tests.length) return skip('test_contains before any test_url');
        tests.at(-1)!.contains.push(d.value);
        return;
      case 'http_header':
        return skip('Jingdu reads the page the browser loaded: no request headers');
      default:
        return skip(NOT_NEEDED[key] ?? `unknown directive ${key}`);
    }
  });

  if (!hosts.length) return { rule: null, notImported: [{ line: 0, text: fileName, reason: 'the file name names no site (example.com.txt)' }, ...notImported] };
  const id = `ftr-${hosts[0]!.replace(/^\./, '')}`.replace(/[^\p{L}\p{N}._-]/gu, '-').slice(0, 80);
  const candidate = {
    schema: RULE_SCHEMA_VERSION,
    id,
    label: `${hosts[0]} (ftr-site-config)`,
    match: { hosts },
    ...(content.length ? { content: content.slice(0, 50) } : {}),
    ...(remove.length ? { remove: remove.slice(0, 50) } : {}),
    ...(Object.keys(fields).length ? { fields: Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.slice(0, 10)])) } : {}),
    ...(nextPage ? { nextPage } : {}),
    ...(srcAttr ? { pictures: { srcAttr } } : {}),
    ...(tests.length ? { tests: tests.slice(0, 20).map((t) => (t.contains.length ? t : { url: t.url })) } : {}),
  };
  const { rules, refused } = parseRules(candidate);
  if (!rules[0]) return { rule: null, notImported: [{ line: 0, text: fileName, reason: refused[0]?.reason ?? 'not a rule' }, ...notImported] };
  return { rule: rules[0], notImported };
}
