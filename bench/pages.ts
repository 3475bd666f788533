import { readFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { decode } from '../cli/encoding';

/** A saved page decoded as the CLI decodes it, declaring UTF-8, to be served as a browser would have read it. */
export function utf8Page(path: string): string {
  return decode(readFileSync(path)).text.replace(/<meta[^>]+charset[^>]*>/gi, '<meta charset="utf-8">');
}

/** The pages' own pictures and scripts point at their sites: refused at once, as offline. */
export function keepOffline(context: BrowserContext, base: string): Promise<unknown> {
  return context.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
}
