import { displayTime } from '../../lib/metadata/display';
import { describe, expect, it } from 'vitest';
import { parseChineseDate, withOffset } from '../../lib/metadata/dates';
import { joinNames, readMetaLine } from '../../lib/metadata/fields';

describe('Chinese dates', () => {
  it.each([
    ['2020年02月14日 12:37', '2020-02-14T12:37:00'],
    ['发表于 2020-3-5 08:54:41', '2020-03-05T08:54:41'],
    ['楼主 发表于: 2020-03-10', '2020-03-10'],
    ['2020/03/13 09:14', '2020-03-13T09:14:00'],
    ['2021年6月8日', '2021-06-08'],
    ['2019.10.13 18时22分', '2019-10-13T18:22:00'],
  ])('%s → %s', (text, iso) => expect(parseChineseDate(text)).toBe(iso));

  it('rejects impossible dates and text without a year', () => {
    expect(parseChineseDate('2020-13-40')).toBeNull();
    expect(parseChineseDate('2月28日下午')).toBeNull();
  });

  it('adds the site time zone to date-times only', () => {
    expect(withOffset('2020-03-05T08:54:41', 'GMT-6')).toBe('2020-03-05T08:54:41-06:00');
    expect(withOffset('2020-03-05', 'GMT+8')).toBe('2020-03-05');
  });
});

describe('metadata lines', () => {
  it('reads a portal info line', () => {
    expect(readMetaLine('2020年02月14日 12:37 14549次瀏覽 來源: 中國有色金屬報 分類: 稀土 作者: 李寶樂')).toEqual({
      published: '2020-02-14T12:37:00', views: 14549, source: '中國有色金屬報', category: '稀土', author: '李寶樂',
    });
  });
  it('reads bracketed editor and source notes', () => {
    expect(readMetaLine('【图文编辑:华发网Mary】(来源:鄂尔多斯市侨联、刘焱、白洁)')).toMatchObject({ editor: '华发网Mary', source: '鄂尔多斯市侨联、刘焱、白洁' });
  });
  it('stops values at ideographic spaces and other keys', () => {
    expect(readMetaLine('来源：清河县融媒体中心　作者：赵晓燕　发布时间：2022-01-18 16:40　浏览：3856')).toMatchObject({
      source: '清河县融媒体中心', author: '赵晓燕', published: '2022-01-18T16:40:00', views: 3856,
    });
  });
  it('reads newspaper bylines', () => {
    expect(readMetaLine('□王飞')).toMatchObject({ author: '王飞' });
    expect(readMetaLine('人民日报本报记者 李中文 江 南2020-03-10 00:00')).toMatchObject({ source: '人民日报', author: '李中文 江南' });
    expect(readMetaLine('本报记者 巴特尔 通讯员 李敏')).toMatchObject({ author: '巴特尔 李敏' });
    expect(readMetaLine('青海省海西州委常委、組織部長 王潤宇')).toMatchObject({ author: '王潤宇', byline: '青海省海西州委常委、組織部長 王潤宇' });
    expect(readMetaLine('By Maria Lopez')).toMatchObject({ author: 'Maria Lopez' });
  });
  it('reads forum counters, editions and time zones', () => {
    expect(readMetaLine('查看: 527|回复: 0')).toMatchObject({ views: 527, replies: 0 });
    expect(readMetaLine('当前版: 02版 上一版  下一版')).toMatchObject({ edition: '02版' });
    expect(readMetaLine('GMT-6, 2024-11-16 09:35')).toEqual({ timezoneHint: 'GMT-6' });
  });
  it('does not take profile dates or news sentences as metadata', () => {
    expect(readMetaLine('注册时间: 2016-09-07')?.published).toBeUndefined();
    expect(readMetaLine('2020年3月5日，杭锦旗召开会议，部署复工复产工作。')).toBeNull();
    expect(readMetaLine('党员干部职工对进出人员测量体温一丝不苟，工作人员定时对人员密集的车间进行消杀作业。')).toBeNull();
  });
  it('keeps credit lines as stated, and credit words inside sentences alone', () => {
    expect(readMetaLine('审核：吴东')).toEqual({ credits: ['审核：吴东'] });
    expect(readMetaLine('排版: 林一')).toEqual({ credits: ['排版: 林一'] });
    expect(readMetaLine('审核通过后，补贴资金将在十个工作日内发放到农户账户。')).toBeNull();
    expect(readMetaLine('设计：采用三层结构，底层架空防潮。')?.credits).toBeUndefined();
  });
  it('joins two-character names padded with a space', () => {
    expect(joinNames('李中文 江 南')).toBe('李中文 江南');
  });
});

describe('published time for display', () => {
  it.each([
    ['2020-03-05T08:54:41-06:00', '2020-03-05 08:54 (UTC-06:00)'],
    ['2020-03-13T09:14:00+08:00', '2020-03-13 09:14'],
    ['2023-07-10T09:15:00', '2023-07-10 09:15'],
    ['2020-02-14', '2020-02-14'],
    ['2021-01-01T00:00:00Z', '2021-01-01 00:00 (UTC)'],
    ['sometime', 'sometime'],
  ])('%s → %s', (iso, shown) => expect(displayTime(iso)).toBe(shown));
});
