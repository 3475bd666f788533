import { convertArticle } from '../lib/convert/article';
import { loadConverter, useDictionaries } from '../lib/convert/load';
import type { TargetVariant } from '../lib/convert/variants';
import type { CleanArticle } from '../lib/types';
import { extensionDictionaries } from './dictionaries';

useDictionaries(extensionDictionaries);

type Reply = { id: number; article?: CleanArticle; error?: string };

let worker: Worker | null | undefined;
let nextId = 0;
interface Job {
  article: CleanArticle;
  variant: TargetVariant;
  resolve: (a: CleanArticle) => void;
  reject: (e: Error) => void;
}
const waiting = new Map<number, Job>();

function onThisThread(article: CleanArticle, variant: TargetVariant): Promise<CleanArticle> {
  return loadConverter(variant).then((convert) => convertArticle(article, convert));
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
      for (const job of waiting.values()) onThisThread(job.article, job.variant).then(job.resolve, job.reject);
      waiting.clear();
    };
    return w;
  } catch {
    return null; // no module workers here: convert on this thread instead
  }
}

/** The article in another script, converted in a worker so the page showing it stays responsive. */
export function convertArticleOffThread(article: CleanArticle, variant: TargetVariant): Promise<CleanArticle> {
  if (worker === undefined) worker = typeof Worker === 'undefined' ? null : startWorker();
  if (!worker) return onThisThread(article, variant);
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    waiting.set(id, { article, variant, resolve, reject });
    worker!.postMessage({ id, article, variant });
  });
}
