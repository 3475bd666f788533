import { describe, expect, it } from 'vitest';
import { boundedLines } from '../../cli/bounded-lines';

async function collect(chunks: AsyncIterable<Buffer>, max: number) {
  const out = [];
  for await (const l of boundedLines(chunks, max)) out.push(l);
  return out;
}

async function* feed(...chunks: Array<Buffer | string>) {
  for (const c of chunks) yield Buffer.from(c);
}

describe('lines of a stream, each bounded', () => {
  it('splits lines across chunks, keeps a character cut between chunks whole, and drops the \\r of CRLF', async () => {
    const word = Buffer.from('字');
    expect(await collect(feed('{"a":1}\r\n{"b"', ':2}\n', word.subarray(0, 1), word.subarray(1), '\nlast'), 100)).toEqual([{ line: '{"a":1}' }, { line: '{"b":2}' }, { line: '字' }, { line: 'last' }]);
  });

  it('skips a 600 MB line as it streams, holding no more than one chunk of it, and reads the line after it', async () => {
    const mb = Buffer.alloc(1 << 20, 0x61);
    let held = 0;
    async function* huge() {
      yield Buffer.from('{"id":"before"}\n');
      for (let i = 0; i < 600; i++) {
        held = Math.max(held, process.memoryUsage().arrayBuffers);
        yield mb;
      }
      yield Buffer.from('\n{"id":"after"}\n');
    }
    const lines = await collect(huge(), 32 << 20);
    expect(lines).toEqual([{ line: '{"id":"before"}' }, { tooLong: 600 << 20 }, { line: '{"id":"after"}' }]);
    expect(held).toBeLessThan(200 << 20); // far less than the line: it was never held whole
  });
});
