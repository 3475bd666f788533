/**
 * Lines of a byte stream, each at most `maxBytes`: a longer line is skipped as it streams
 * (never held whole) and reported by its length, so a 600 MB line costs no more memory than
 * a short one and the lines after it are still read. Node's readline would build the whole
 * line as one string first, past V8's string limit.
 */
export type BoundedLine = { line: string } | { tooLong: number };

export async function* boundedLines(input: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<BoundedLine> {
  let parts: Buffer[] = [];
  let length = 0;
  let skipping = false;
  const end = (): BoundedLine => {
    const out: BoundedLine = skipping ? { tooLong: length } : { line: Buffer.concat(parts).toString('utf8').replace(/\r$/, '') };
    parts = [];
    length = 0;
    skipping = false;
    return out;
  };
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let from = 0;
    for (let nl = bytes.indexOf(10, from); ; nl = bytes.indexOf(10, from)) {
      const piece = bytes.subarray(from, nl < 0 ? bytes.length : nl);
      length += piece.length;
      if (length > maxBytes) skipping = true;
      if (skipping) parts = [];
      else if (piece.length) parts.push(piece);
      if (nl < 0) break;
      yield end();
      from = nl + 1;
    }
  }
  if (length || skipping) yield end(); // a last line without a newline
}
