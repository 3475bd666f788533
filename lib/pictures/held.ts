import { escapeHtml } from '../blocks';
import { unescapeAttribute } from '../export/pictures';

/**
 * Remote pictures an extension page does not load by itself. A picture the page never
 * loaded (a lazy one below the fold) would be requested by the preview the moment the
 * button is clicked, telling the site so; and a picture server that never stops sending
 * can exhaust the popup. Such a picture is shown as a button with its description instead;
 * the reader loads it by clicking, and then only under a time bound (see boundPictureLoad).
 */
export const HELD_CLASS = 'held-picture';
export const HELD_SRC_ATTR = 'data-held-src';

/** A picture still loading after this long is stopped: an endless response cannot hold the page. */
export const PICTURE_LOAD_MS = 10_000;

const IMG = /<img\b[^>]*>/gi;
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)?.[1];

/**
 * Sanitized HTML with every web picture that `mayLoad` refuses turned into a placeholder
 * button; returns how many were held. Runs after the sanitizer, on its regular output.
 */
export function holdPictures(html: string, mayLoad: (src: string) => boolean, label: (alt: string, src: string) => string = (alt) => alt): { html: string; held: number } {
  let held = 0;
  const out = html.replace(IMG, (tag) => {
    const raw = attr(tag, 'src');
    if (raw === undefined) return tag;
    const src = unescapeAttribute(raw);
    if (!/^https?:\/\//i.test(src) || mayLoad(src)) return tag;
    held++;
    // A file name ("36杭锦旗.jpg", as forum attachments are described) describes nothing.
    const alt = unescapeAttribute(attr(tag, 'alt') ?? '').trim().replace(/^.*\.(?:jpe?g|png|gif|webp|bmp|avif)$/i, '');
    return `<button type="button" class="${HELD_CLASS}" ${HELD_SRC_ATTR}="${escapeHtml(src)}" data-alt="${escapeHtml(alt)}">${escapeHtml(label(alt, src))}</button>`;
  });
  return { html: out, held };
}

/** The picture a placeholder stands for, loading under the time bound; replaces the placeholder. */
export function showHeldPicture(button: Element, timeoutMs = PICTURE_LOAD_MS): HTMLImageElement | null {
  const src = button.getAttribute(HELD_SRC_ATTR);
  if (!src || !/^https?:\/\//i.test(src)) return null;
  const img = button.ownerDocument.createElement('img');
  img.alt = button.getAttribute('data-alt') ?? '';
  img.referrerPolicy = 'no-referrer';
  img.src = src;
  button.replaceWith(img);
  boundPictureLoad(img, timeoutMs);
  return img;
}

/**
 * Stops a picture that has not finished loading in time (removing src aborts the request);
 * it is left as its description. Returns the cancel function.
 */
export function boundPictureLoad(img: HTMLImageElement, timeoutMs = PICTURE_LOAD_MS): () => void {
  if (img.complete) return () => undefined;
  const view = img.ownerDocument.defaultView;
  const timer = view?.setTimeout(() => {
    if (img.complete) return;
    img.removeAttribute('src');
    img.dataset.stopped = 'timeout';
  }, timeoutMs);
  const done = () => view?.clearTimeout(timer);
  img.addEventListener('load', done, { once: true });
  img.addEventListener('error', done, { once: true });
  return done;
}

/** A click on a held picture (in the popup or the reader) loads it, under the time bound. */
export function showClickedPicture(event: Event): void {
  const held = (event.target as Element | null)?.closest?.(`.${HELD_CLASS}`);
  if (held) showHeldPicture(held);
}

/** Bounds every remote picture now in `root` (those the page had loaded and the preview shows). */
export function boundRemotePictures(root: ParentNode, timeoutMs = PICTURE_LOAD_MS): void {
  for (const img of root.querySelectorAll<HTMLImageElement>('img')) if (/^https?:/i.test(img.src)) boundPictureLoad(img, timeoutMs);
}

/** The pictures the page itself has loaded and shows (by their final address): the preview may show these. */
export function picturesThePageLoaded(doc: Document, most = 5000): string[] {
  const loaded = new Set<string>();
  for (const img of doc.images) {
    if (loaded.size >= most) break;
    if (img.complete && img.naturalWidth > 0) loaded.add(img.currentSrc || img.src);
  }
  return [...loaded];
}
