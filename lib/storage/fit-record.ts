import * as v from 'valibot';
import type { SavedArticle } from './schema';
import { savedArticleSchema } from './validate';

/**
 * A record made to fit the library's schema before it is written, never after: a write the
 * schema would refuse later is a record the library can no longer list. What is only
 * decoration (a picture's alt, a caption, a heading, a byline field, the search index) is
 * cut to its limit; a picture whose address is longer than any address stays out of the
 * list of pictures to keep (it remains in the text as it was). Anything else that does not
 * fit (the article's own address, text past 5 MB) refuses the save with the reason.
 */
export type Fitted = { ok: true; record: SavedArticle; trimmed: string[] } | { ok: false; reason: string };

/** Fields cut to their limit when too long: the article's own words are never among them. */
const TRIMMABLE = /^(?:title|searchText|(?:article|converted)\.(?:title|subtitle|byline|author|source|editor|published|siteName|timezoneHint|poster|category|edition|(?:headings|captions|credits|mergedPages)\.\d+|images\.\d+\.alt|removed\.\d+\.(?:rule|samples\.\d+)))$/;
/** A picture (in the article or its other script) whose address is too long to keep. */
const PICTURE_SRC = /^(article|converted)\.images\.(\d+)\.src$/;
/** A kept picture's reference under such an address: the picture is not kept. */
const KEPT_SRC = /^pictures\.(\d+)\.src$/;

type Issue = v.BaseIssue<unknown>;

function pathOf(issue: Issue): string {
  return v.getDotPath(issue) ?? '';
}

function tooLong(issue: Issue): number | undefined {
  return issue.type === 'max_length' && typeof issue.requirement === 'number' && typeof issue.input === 'string' ? issue.requirement : undefined;
}

/** Sets a string at a dot path (indices included) of a structured clone. */
function setAt(root: Record<string, unknown>, path: string, value: string): void {
  const keys = path.split('.');
  let node: Record<string, unknown> = root;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys.at(-1)!] = value;
}

function cut(text: string, most: number): string {
  return text.length <= most ? text : `${text.slice(0, most - 1)}…`;
}

/** The record as it can be stored, with what was cut, or why it cannot be. */
export function fitRecord(record: SavedArticle): Fitted {
  const first = v.safeParse(savedArticleSchema, record, { abortEarly: false });
  if (first.success) return { ok: true, record, trimmed: [] };
  const next = structuredClone(record) as SavedArticle & Record<string, unknown>;
  const trimmed: string[] = [];
  const dropped = { article: new Set<number>(), converted: new Set<number>(), pictures: new Set<number>() };
  for (const issue of first.issues) {
    const path = pathOf(issue);
    const most = tooLong(issue);
    const picture = PICTURE_SRC.exec(path);
    const kept = KEPT_SRC.exec(path);
    if (most !== undefined && picture) {
      dropped[picture[1] as 'article' | 'converted'].add(Number(picture[2]));
      trimmed.push(path);
    } else if (most !== undefined && kept) {
      dropped.pictures.add(Number(kept[1]));
    } else if (most !== undefined && TRIMMABLE.test(path)) {
      setAt(next, path, cut(issue.input as string, most));
      trimmed.push(path);
    }
  }
  for (const side of ['article', 'converted'] as const) {
    const article = next[side];
    if (article && dropped[side].size) article.images = article.images.filter((_, i) => !dropped[side].has(i));
  }
  if (dropped.pictures.size) {
    next.pictures = next.pictures?.filter((_, i) => !dropped.pictures.has(i));
    next.picturesMissed = (next.picturesMissed ?? 0) + dropped.pictures.size;
  }
  const second = v.safeParse(savedArticleSchema, next);
  if (!second.success) {
    const issue = second.issues[0];
    return { ok: false, reason: `${pathOf(issue) || 'record'}: ${issue.message}` };
  }
  return { ok: true, record: next, trimmed };
}
