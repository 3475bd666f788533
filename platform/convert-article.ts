import { convertArticle } from '../lib/convert/article';
import { useDictionaries } from '../lib/convert/load';
import { type UserPhrase, loadConverterWith } from '../lib/convert/user-phrases';
import type { TargetVariant } from '../lib/convert/variants';
import type { CleanArticle } from '../lib/types';
import { extensionDictionaries } from './dictionaries';
import { readUserPhrases } from './settings';

useDictionaries(extensionDictionaries);

type Reply = { id: number; article?: CleanArticle; error?: string };

let worker: Worker | null | undefined;
let nextId = 0;
interface Job {
  article: CleanArticle;
  variant: TargetVariant;
  phrases: UserPhrase[];
  resolve: (a: CleanArticle) => void;
  reject: (e: Error) => void;
}
const waiting = new Map<number, Job>();

function onThisThread(article: CleanArticle, variant: TargetVariant, phrases: UserPhrase[]): Promise<CleanArticle> {
  return loadConverterWith(variant, phrases).then((convert) => convertArticle(article, convert));
}

function startWorker(): Worker | null {
  try {
    const w = new Worker(new URL('./convert.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = ({ data }: MessageEvent<Reply>) => {
      const job = waiting.get(data.id);
      waiting.delete(data.id);
      if (data.article) job?.resolve(data.article);
      else job?.reject(new Error(data.error ?? 'conversion failed'));
    };
    // A worker that cannot start (e.g. a browser without module workers): finish its jobs here.
    w.onerror = () => {
      worker = null;
      for (const job of waiting.values()) onThisThread(job.article, job.variant, job.phrases).then(job.resolve, job.reject);
      waiting.clear();
    };
    return w;
  } catch {
    return null; // no module workers here: convert on this thread instead
  }
}

/**
 * The article in another script, with the reader's phrase table, converted in a worker so the
 * page showing it stays responsive. Everything shown, saved or exported in a script comes from here.
 */
export async function convertArticleOffThread(article: CleanArticle, variant: TargetVariant): Promise<CleanArticle> {
  const phrases = await readUserPhrases();
  if (worker === undefined) worker = typeof Worker === 'undefined' ? null : startWorker();
  if (!worker) return onThisThread(article, variant, phrases);
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    waiting.set(id, { article, variant, phrases, resolve, reject });
    worker!.postMessage({ id, article, variant, phrases });
  });
}
