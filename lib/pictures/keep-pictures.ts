import { mayFetchFor } from './private-address';
import { type PictureType, sniffPictureType } from './sniff';

/** A picture's bytes as the library stores them: once per content, whatever address it came from. */
export interface StoredPicture {
  /** SHA-256 of the bytes, hex. */
  hash: string;
  type: PictureType;
  size: number;
  bytes: ArrayBuffer;
}

/** Which stored picture an article's <img src> shows. */
export interface PictureRef {
  src: string;
  hash: string;
}

export type PictureFailure = 'cap' | 'http' | 'network' | 'not-a-picture' | 'timeout' | 'private-address';

export interface KeepResult {
  pictures: StoredPicture[];
  refs: PictureRef[];
  /** Pictures that stay links, and why. */
  failed: Array<{ src: string; reason: PictureFailure }>;
}

/** A saved article's pictures may take this much at most; past it the rest stay links. */
export const PICTURE_CAP_BYTES = 50 * 1024 * 1024;

export interface KeepOptions {
  fetch?: typeof fetch;
  /** Pictures fetched at once. */
  concurrency?: number;
  capBytes?: number;
  /** Per picture. */
  timeoutMs?: number;
  onProgress?: (done: number, total: number) => void;
  /** The article's page: pictures on private addresses are fetched only for a page that is there too (given by every save). */
  pageUrl?: string | null;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The addresses worth fetching: web addresses, each once, in article order. */
export function pictureAddresses(srcs: Iterable<string>): string[] {
  return [...new Set([...srcs].filter((s) => /^https?:\/\//i.test(s)))];
}

/** The bytes of a response, refusing (with 'cap') as soon as they would pass `room`. */
async function readCapped(response: Response, room: () => number, take: (n: number) => void): Promise<Uint8Array | 'cap'> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > room()) {
    await response.body?.cancel(); // an 80 MB picture is not downloaded to be thrown away
    return 'cap';
  }
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (value.length > room()) {
      await reader.cancel();
      take(-length);
      return 'cap';
    }
    take(value.length);
    chunks.push(value);
    length += value.length;
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) bytes.set(c, (at += c.length) - c.length);
  return bytes;
}

/**
 * Fetches an article's pictures so the saved copy outlives the site. Requests send no
 * Referer and no cookies (hotlink-protected hosts such as sinaimg and mmbiz accept a
 * request without a Referer; the page's address would tell the site who reads what).
 * A bounded number run at once; past the size cap the rest are not fetched.
 */
export async function keepPictures(srcs: Iterable<string>, options: KeepOptions = {}): Promise<KeepResult> {
  const { fetch: get = fetch, concurrency = 4, capBytes = PICTURE_CAP_BYTES, timeoutMs = 30_000, onProgress, pageUrl } = options;
  const addresses = pictureAddresses(srcs);
  const byHash = new Map<string, StoredPicture>();
  const refs: PictureRef[] = [];
  const failed: KeepResult['failed'] = [];
  let used = 0;
  let full = false;
  let done = 0;

  const fetchOne = async (src: string): Promise<void> => {
    if (full) return void failed.push({ src, reason: 'cap' });
    if (pageUrl !== undefined && !mayFetchFor(src, pageUrl)) {
      onProgress?.(++done, addresses.length);
      return void failed.push({ src, reason: 'private-address' });
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await get(src, { credentials: 'omit', referrerPolicy: 'no-referrer', signal: controller.signal });
      // A redirect into the reader's own network is refused too (its bytes are not kept).
      if (pageUrl !== undefined && response.redirected && !mayFetchFor(response.url, pageUrl)) {
        await response.body?.cancel();
        return void failed.push({ src, reason: 'private-address' });
      }
      if (!response.ok) return void failed.push({ src, reason: 'http' });
      const bytes = await readCapped(response, () => capBytes - used, (n) => (used += n));
      if (bytes === 'cap') {
        full = true;
        return void failed.push({ src, reason: 'cap' });
      }
      const type = sniffPictureType(bytes);
      if (!type) {
        used -= bytes.length;
        return void failed.push({ src, reason: 'not-a-picture' });
      }
      const hash = await sha256Hex(bytes);
      if (byHash.has(hash)) used -= bytes.length; // the same picture under another address is kept once
      else byHash.set(hash, { hash, type, size: bytes.length, bytes: bytes.buffer as ArrayBuffer });
      refs.push({ src, hash });
    } catch {
      failed.push({ src, reason: controller.signal.aborted ? 'timeout' : 'network' });
    } finally {
      clearTimeout(timer);
      onProgress?.(++done, addresses.length);
    }
  };

  const queue = [...addresses];
  const workers = Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
    for (let src = queue.shift(); src !== undefined; src = queue.shift()) await fetchOne(src);
  });
  await Promise.all(workers);
  // Article order, not arrival order: the same article saved twice stores the same record.
  const order = new Map(addresses.map((a, i) => [a, i]));
  refs.sort((a, b) => order.get(a.src)! - order.get(b.src)!);
  failed.sort((a, b) => order.get(a.src)! - order.get(b.src)!);
  return { pictures: [...byHash.values()], refs, failed };
}
