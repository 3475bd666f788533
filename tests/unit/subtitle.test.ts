import { describe, expect, it } from 'vitest';
import { addsToTitle } from '../../lib/article/subtitle';

describe('a subtitle shown under the headline', () => {
  it.each([
    ['湿地迎来越冬候鸟', '保护区今冬已监测到水鸟四十余种', true],
    ['湿地迎来越冬候鸟', '湿地迎来越冬候鸟', false],
    ['湿地迎来越冬候鸟 观鸟爱好者记录到珍稀白鹤', '湿地迎来越冬候鸟', false],
    ['湿地迎来越冬候鸟', '——湿地迎来越冬候鸟！', false],
    ['湿地迎来越冬候鸟', '湿地迎来越冬候鸟：观鸟爱好者记录到珍稀白鹤', false],
    ['湿地迎来越冬候鸟', null, false],
    ['湿地迎来越冬候鸟', '。', false],
  ])('%s / %s: %s', (title, subtitle, shown) => {
    expect(addsToTitle(title, subtitle)).toBe(shown);
  });
});
