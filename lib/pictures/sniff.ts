/**
 * A picture's type from its first bytes, never from what the server or a backup file says:
 * a "picture" that is really HTML or SVG (which can carry script, and would run in the
 * extension's own origin if opened from a blob: address) is not kept.
 */
export type PictureType = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp' | 'image/avif' | 'image/bmp';

export const PICTURE_TYPES: readonly PictureType[] = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif', 'image/bmp'];

const EXTENSIONS: Record<PictureType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/bmp': 'bmp',
};

const ascii = (bytes: Uint8Array, from: number, length: number) => String.fromCharCode(...bytes.subarray(from, from + length));

const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
const u16le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);

/** A JPEG's frame header (SOF), which says its size, within its first 256 KB of markers. */
function hasJpegFrame(b: Uint8Array): boolean {
  const end = Math.min(b.length - 8, 256 * 1024);
  for (let i = 2; i < end; ) {
    if (b[i] !== 0xff) return false;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return (b[i + 5]! << 8 | b[i + 6]!) > 0 && (b[i + 7]! << 8 | b[i + 8]!) > 0;
    if (marker === 0xd9 || marker === 0xda) return false; // image data or its end before any frame
    i += 2 + ((b[i + 2]! << 8) | b[i + 3]!);
  }
  return false;
}

/** A GIF's screen size, then (after its colour table) an extension or image block. */
function hasGifBlock(b: Uint8Array): boolean {
  if (b.length < 14 || !u16le(b, 6) || !u16le(b, 8)) return false;
  const flags = b[10]!;
  const table = flags & 0x80 ? 3 * 2 ** ((flags & 7) + 1) : 0;
  const next = b[13 + table];
  return next === 0x21 || next === 0x2c;
}

/**
 * The type, checked a little past the magic bytes: the header a decoder reads first must be
 * there and give a size (a PNG's IHDR, a JPEG's frame header, a GIF's screen, a WebP's first
 * chunk). A file that only starts like a picture is none; readers and EPUB checkers refuse it.
 */
export function sniffPictureType(bytes: Uint8Array): PictureType | null {
  const b = bytes;
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return hasJpegFrame(b) ? 'image/jpeg' : null;
  if (ascii(b, 0, 8) === '\x89PNG\r\n\x1a\n') return b.length >= 33 && ascii(b, 12, 4) === 'IHDR' && u32(b, 16) > 0 && u32(b, 20) > 0 ? 'image/png' : null;
  if (/^GIF8[79]a$/.test(ascii(b, 0, 6))) return hasGifBlock(b) ? 'image/gif' : null;
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return b.length >= 30 && /^VP8[ LX]$/.test(ascii(b, 12, 4)) ? 'image/webp' : null;
  if (ascii(b, 4, 4) === 'ftyp' && /^avi[fs]$/.test(ascii(b, 8, 4))) return 'image/avif';
  if (ascii(b, 0, 2) === 'BM' && b.length > 26) return 'image/bmp';
  return null;
}

export function pictureExtension(type: PictureType): string {
  return EXTENSIONS[type];
}
