import { convertArticle } from '../lib/convert/article';
import { type Convert, loadConverter, useDictionaries } from '../lib/convert/load';
import type { TargetVariant } from '../lib/convert/variants';
import { exportArticle } from '../lib/export/formats';
import { useExportSanitizer } from '../lib/export/safe';
import { CleanTimeoutError, NoArticleError, PageTooLargeError } from '../lib/pipeline';
import { FileTooLargeError, NotAFileError, type PageInput, TooManyElementsError, cleanInput } from './clean-file';
import { NotTextError } from './encoding';
import { nodeDictionaries } from './node-dictionaries';
import { lazyNodeSanitizer } from './node-dom';
import type { Outcome, WorkerJob } from './pool';

/** One page of a batch, cleaned and formatted as asked: what a worker (or the CLI itself, for one page) runs. */
useExportSanitizer(lazyNodeSanitizer);
useDictionaries(nodeDictionaries);
const converters = new Map<string, Promise<Convert>>();

const REFUSALS = [NotTextError, PageTooLargeError, TooManyElementsError, FileTooLargeError, NotAFileError];

function outcomeOf(err: unknown): Outcome['status'] {
  if (err instanceof NoArticleError) return 'no-article';
  if (err instanceof CleanTimeoutError) return 'timed-out';
  if (REFUSALS.some((kind) => err instanceof kind)) return 'refused';
  return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'refused' : 'failed';
}

function converter(script: string): Promise<Convert> {
  const convert = converters.get(script) ?? loadConverter(script as TargetVariant);
  converters.set(script, convert);
  return convert;
}

/** `deadline` (performance.now() clock) stops a page cleaned in-process; workers are stopped from outside instead. */
export async function handleJob(job: WorkerJob, deadline?: number): Promise<Outcome> {
  const { input, options } = job;
  try {
    const cleaned = await cleanInput(input as PageInput, { ...options.clean, deadline });
    const article = options.script ? convertArticle(cleaned, await converter(options.script)) : cleaned;
    const { url, ...fields } = article;
    const output = options.jsonl
      ? JSON.stringify({ id: input.id, url: input.url ?? url, ...(input.fetched ? { fetched: input.fetched } : {}), ...fields })
      : exportArticle(article, options.format);
    return { seq: job.seq, status: 'cleaned', output, summary: `${article.template.id}, ${article.paragraphs.length} paragraphs` };
  } catch (err) {
    const message = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message || String(err);
    return { seq: job.seq, status: outcomeOf(err), message };
  }
}
