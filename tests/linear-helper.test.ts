import { describe, expect, it } from 'vitest';
import { expectLinearGrowth } from './helpers/linear';

/** The linearity check every hardening test relies on must still catch quadratic work. */
describe('the linear-growth check', () => {
  const make = (n: number) => 'a'.repeat(n);
  it('fails work that is quadratic in its input', () => {
    const quadratic = (s: string) => {
      let sum = 0;
      for (let i = 0; i < s.length; i++) for (let j = 0; j < i; j++) sum += s.charCodeAt(j);
      return sum;
    };
    expect(() => expectLinearGrowth(make, quadratic, 1 << 14)).toThrow(/cost grew/);
  });

  it('passes work that allocates as it goes over a megabyte (a replace of many short matches)', () => {
    const make2 = (n: number) => '记者 '.repeat(Math.ceil(n / 3)).slice(0, n);
    expectLinearGrowth(make2, (s) => s.normalize('NFKC').replace(/[\s\u3000\u00a0]+/g, ''), 1 << 20);
  });
});
