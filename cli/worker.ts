import { setImmediate as turn } from 'node:timers/promises';
import { parentPort } from 'node:worker_threads';
import { convertArticle } from '../lib/convert/article';
import { type Convert, loadConverter } from '../lib/convert/load';
import type { TargetVariant } from '../lib/convert/variants';
import { exportArticle } from '../lib/export/formats';
import { useExportSanitizer } from '../lib/export/safe';
import { NoArticleError, PageTooLargeError } from '../lib/pipeline';
import { type PageInput, TooManyElementsError, cleanInput } from './clean-file';
import { NotTextError } from './encoding';
import { nodeSanitizer } from './node-dom';
import type { Outcome, WorkerJob } from './pool';

/** Cleans one page per message, formats it as asked and answers with the text to write. */
useExportSanitizer(nodeSanitizer());
const converters = new Map<string, Promise<Convert>>();

function outcomeOf(err: unknown): Outcome['status'] {
  if (err instanceof NoArticleError) return 'no-article';
  if (err instanceof NotTextError || err instanceof PageTooLargeError || err instanceof TooManyElementsError) return 'refused';
  return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'refused' : 'failed';
}

async function handle(job: WorkerJob): Promise<Outcome> {
  const { input, options } = job;
  try {
    const cleaned = await cleanInput(input as PageInput, options.clean);
    let convert: Promise<Convert> | undefined;
    if (options.script) {
      convert = converters.get(options.script) ?? loadConverter(options.script as TargetVariant);
      converters.set(options.script, convert);
    }
    const article = convert ? convertArticle(cleaned, await convert) : cleaned;
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

// Loading jsdom and the pipeline takes a while; a page's time limit starts after it.
parentPort!.postMessage({ ready: true });

parentPort!.on('message', async (job: WorkerJob) => {
  const outcome = await handle(job);
  parentPort!.postMessage(outcome);
  // jsdom frees a closed window's memory only once the event loop turns.
  await turn();
});
