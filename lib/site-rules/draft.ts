import { RULE_SCHEMA_VERSION, type FieldName, type SiteRule } from './schema';

/** What a user told the picker about one block. */
export type PickVerb = 'content' | 'remove' | FieldName;
export interface Pick {
  verb: PickVerb;
  selector: string;
}

/** 只这一篇 / 整个网站 / 同类论坛: this page, this site, every page of the engine the family saw. */
export type DraftScope = 'page' | 'site' | 'engine';

function withoutFragment(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}

/** The site part of an id: letters and digits of the host. */
function slug(text: string): string {
  return text.replace(/^www\./, '').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 50) || 'page';
}

/**
 * A rule from the user's picks on one page. A later pick for the same field or the
 * article replaces an earlier one; removals add up.
 */
export function draftRule(picks: Pick[], scope: DraftScope, url: string, family: { id: string; label: string; signature?: string[] }, now = Date.now()): SiteRule {
  const host = new URL(url).hostname.toLowerCase();
  const match: SiteRule['match'] =
    scope === 'page' ? { urls: [withoutFragment(url)] } : scope === 'site' ? { hosts: [host] } : { dom: family.signature ?? [] };
  const fields: NonNullable<SiteRule['fields']> = {};
  let content: string | undefined;
  const remove: string[] = [];
  for (const p of picks) {
    if (p.verb === 'content') content = p.selector;
    else if (p.verb === 'remove') {
      if (!remove.includes(p.selector)) remove.push(p.selector);
    } else fields[p.verb] = p.selector;
  }
  const where = scope === 'engine' ? family.id : slug(host);
  return {
    schema: RULE_SCHEMA_VERSION,
    id: `${where}-${scope}-${now.toString(36)}`,
    label: scope === 'engine' ? family.label : scope === 'page' ? `${host} (one page)` : host,
    match,
    ...(content ? { content: [content] } : {}),
    ...(remove.length ? { remove } : {}),
    ...(Object.keys(fields).length ? { fields } : {}),
  };
}
