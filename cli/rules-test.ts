import { readFileSync } from 'node:fs';
import { statedAddress } from '../lib/site-rules/address';
import type { SiteRule } from '../lib/site-rules/schema';
import type { CleanArticle } from '../lib/types';
import { type PageInput, cleanInput, looksLikeHtml } from './clean-file';
import { decode } from './encoding';
import { expandArguments, readInputs } from './inputs';
import { closeDocument, parseHtml } from './node-dom';
import { loadRules } from './rule-files';
import { UsageError } from './usage-error';

/** Addresses compared without the #fragment and the scheme: a page saved over http is the same page over https. */
function addressKey(url: string): string {
  return url.replace(/#.*$/, '').replace(/^https?:/i, '').toLowerCase();
}

/** The address a saved page states (see lib/site-rules/address.ts), for files; records carry theirs. */
function addressOf(input: PageInput): string | null {
  if (input.url) return input.url;
  if (!input.path) return null;
  try {
    const text = decode(readFileSync(input.path)).text;
    if (!looksLikeHtml(input.path, text)) return null;
    const doc = parseHtml(text, 'about:blank');
    try {
      return statedAddress(doc);
    } finally {
      closeDocument(doc);
    }
  } catch {
    return null;
  }
}

function textOf(article: CleanArticle): string {
  return [article.title, article.author, article.published, ...article.paragraphs].filter(Boolean).join('\n');
}

/** Why a rule's test fails on its page, or null when it passes. */
async function runTest(rule: SiteRule, test: NonNullable<SiteRule['tests']>[number], input: PageInput): Promise<string | null> {
  let article: CleanArticle;
  try {
    article = await cleanInput(input, { siteRules: [rule] });
  } catch (err) {
    return `the page was not cleaned: ${(err as Error).message}`;
  }
  if (!article.siteRules?.some((r) => r.id === rule.id)) return 'the rule does not apply to this page (its match does not hold)';
  const applied = article.siteRules.find((r) => r.id === rule.id)!;
  if (applied.content === 'fell-back') return 'the content selectors match nothing on this page';
  const text = textOf(article);
  const missing = (test.contains ?? []).filter((s) => !text.includes(s));
  const present = (test.notContains ?? []).filter((s) => text.includes(s));
  if (missing.length) return `missing ${missing.map((s) => JSON.stringify(s.slice(0, 60))).join(', ')}`;
  if (present.length) return `still contains ${present.map((s) => JSON.stringify(s.slice(0, 60))).join(', ')}`;
  return null;
}

/**
 * `jingdu rules test RULES PAGES...`: each rule's tests against saved pages (files that
 * state their address, WARC records, JSON Lines records), offline. Exit 1 on any failure.
 */
export async function testRules(args: string[]): Promise<number> {
  const [rulesPath, ...pageArgs] = args;
  if (!rulesPath || !pageArgs.length) throw new UsageError('usage: jingdu rules test FILE|DIR PAGES...');
  const { rules, warnings } = loadRules([rulesPath]);
  for (const w of warnings) process.stderr.write(`jingdu: ${w}\n`);
  const tested = rules.filter((r) => r.tests?.length);
  if (!tested.length) {
    process.stderr.write(`jingdu: no rule in ${rulesPath} has tests\n`);
    return 1;
  }
  const { sources, empty } = await expandArguments(pageArgs);
  for (const line of empty) process.stderr.write(`jingdu: ${line}\n`);
  const pages = new Map<string, PageInput>();
  for await (const input of readInputs(sources)) {
    const address = addressOf(input);
    if (address && !pages.has(addressKey(address))) pages.set(addressKey(address), input);
  }
  let passed = 0;
  let failed = 0;
  for (const rule of tested) {
    for (const test of rule.tests!) {
      const input = pages.get(addressKey(test.url));
      const problem = input ? await runTest(rule, test, input) : 'no saved page with this address among the inputs';
      if (problem) failed++;
      else passed++;
      process.stdout.write(`${problem ? 'FAIL' : 'ok  '}  ${rule.id}  ${test.url}${problem ? `\n      ${problem}` : ''}\n`);
    }
  }
  process.stderr.write(`${passed + failed} tests: ${passed} passed, ${failed} failed\n`);
  return failed ? 1 : 0;
}
