import { describe, expect, it } from 'vitest';
import { stripJammer } from '../../lib/rules/jammer';

describe('jammer strings', () => {
  it.each([
    ['浙江党组织凝心聚力、党员干部奋战一线 wHIj<"2  ', '浙江党组织凝心聚力、党员干部奋战一线'],
    ['疫情防得住 发展搞得好(深度关注) `+t.!tv!  ', '疫情防得住 发展搞得好(深度关注)'],
    ['同车的几个小伙子已在欢呼:“永康,我们回来了!” ZhNdB  ', '同车的几个小伙子已在欢呼:“永康,我们回来了!”'],
    ['  谭云俸摄  J*l4|^i<', '  谭云俸摄'],
  ])('takes the noise off the end of %j', (line, clean) => {
    expect(stripJammer(line).text).toBe(clean);
  });

  it('keeps the date and time before a jammer', () => {
    const out = stripJammer('人民日报本报记者 李中文 江 南2020-03-10 00:00 l~D N1z6`');
    expect(out.text).toBe('人民日报本报记者 李中文 江 南2020-03-10 00:00');
    expect(out.removed).toEqual(['l~D N1z6`']);
  });

  it.each(['>6oOZbUY0', '|A%<Z(', ' KluA', 'u@p?', '8F)G7 H ,', '7 Sa1;%R', '<" @zn'])('drops the line %j that is only noise', (line) => {
    expect(stripJammer(line).text).toBe('');
  });

  it.each([
    '空气质量指数 PM2.5',
    '曾亮相火神山医院的叉车型号 A30',
    '详见 https://www.example.com/a?b=1',
    '发布时间 2020-03-10 00:00',
    '他用的是 iPhone',
    '全球新冠病例统计 COVID-19',
    '会议在 Beijing 召开 Hello',
    '注释 (1)',
    '第五代移动通信 5G',
  ])('keeps legitimate ASCII in %j', (line) => {
    expect(stripJammer(line).text).toBe(line);
  });

  it.each(['2020', 'PM2.5', 'CEO', 'OK'])('keeps the short legitimate line %j', (line) => {
    expect(stripJammer(line).text).toBe(line);
  });
});
