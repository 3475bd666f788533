import { describe, expect, it } from 'vitest';
import { nodeSanitizer, parseHtml } from '../../cli/node-dom';
import { cleanDocument } from '../../lib/pipeline';
import { bylineInProse, isPersonName, readBylineLine, readLoneNames } from '../../lib/metadata/byline';
import { readMetaLine } from '../../lib/metadata/fields';
import { chooseHeadline, stripSiteName } from '../../lib/metadata/headline';

const page = (title: string, body: string) => parseHtml(`<html><head><title>${title}</title></head><body>${body}</body></html>`, 'https://news.example/a.html');
const pick = (title: string, body: string, og: string[] = [], sites: string[] = []) =>
  chooseHeadline(page(title, body), { pageTitle: title, statedTitles: og, siteNames: sites });

describe('the headline', () => {
  it('cuts site and channel names off <title>, on either side, at Chinese sites’ separators', () => {
    expect(stripSiteName('县城老街完成改造__商贸_产业资讯_示例网')).toBe('县城老街完成改造');
    expect(stripSiteName('示例网 - 县城老街完成改造')).toBe('县城老街完成改造');
    expect(stripSiteName('县城老街完成改造｜生活萬象｜示例電子報')).toBe('县城老街完成改造');
    expect(stripSiteName('县城老街完成改造--示例新闻')).toBe('县城老街完成改造');
    expect(stripSiteName('老街改造经验谈（页 1） - 城建论坛 - 示例社区')).toBe('老街改造经验谈');
  });

  it('takes the page’s own headline line that agrees with <title>, not a nav link or the channel', () => {
    const body = '<div class="nav"><a href="/">数字报导航</a> <a href="/ent">示例娱乐</a></div><h1>示例娱乐</h1><div class="t"><h2>县城老街完成改造 商户陆续回迁</h2></div><p>正文。</p>';
    expect(pick('县城老街完成改造 商户陆续回迁_示例娱乐_示例网', body)).toBe('县城老街完成改造 商户陆续回迁');
  });

  it('keeps a kicker the page prints with the headline', () => {
    const body = '<h1>【记者直击】县城老街完成改造</h1><p>正文。</p>';
    expect(pick('县城老街完成改造_示例网', body)).toBe('【记者直击】县城老街完成改造');
  });

  it('falls back to the first heading when <title> is only the site name', () => {
    expect(pick('示例参考网', '<div><h1>县城老街完成改造 商户陆续回迁</h1></div><p>正文。</p>', [], ['示例参考网'])).toBe('县城老街完成改造 商户陆续回迁');
  });
});

describe('bylines', () => {
  it('reads role words with several names, across roles', () => {
    expect(readBylineLine('本报实习生 刘一鸣 周炜 本报记者 王燕平 方云')?.author).toBe('刘一鸣 周炜 王燕平 方云');
    expect(readBylineLine('新华网黑龙江频道  记者  伊琳  李清')?.author).toBe('伊琳 李清');
    expect(readBylineLine('【示例報訊 記者陳一／台北報導】')?.author).toBe('陳一');
  });

  it('reads 文/X and X/文', () => {
    expect(readBylineLine('文/李明')?.author).toBe('李明');
    expect(readBylineLine('河南商报记者马俊/文')?.author).toBe('马俊');
    expect(readBylineLine('文：眉间')?.author).toBe('眉间');
  });

  it('never takes reporting prose or a link label for a byline', () => {
    expect(readBylineLine('据记者采访了解，客车厂正在扩建')).toBeNull();
    expect(readBylineLine('记者近日从自治区农业农村厅了解到')).toBeNull();
    expect(readBylineLine('[打印]')).toBeNull();
    expect(readMetaLine('■相关链接')?.author).toBeUndefined();
    expect(readMetaLine('作者： size="20"')?.author).toBeUndefined();
    expect(isPersonName('中文学术期刊,汉斯出版社,Hans Publishers')).toBe(false);
  });

  it('reads a credit opening or closing the prose', () => {
    expect(bylineInProse('据新华社拉萨电（记者 格桑）记者近日了解到，全区改造卫生厕所4万座。', undefined)?.author).toBe('格桑');
    expect(bylineInProse(undefined, '到头来，他还是一位自甘清贫的外科医生。（袁源）')?.author).toBe('袁源');
    expect(bylineInProse(undefined, '这是本台的报道。（即時新聞）')).toBeNull();
  });

  it('takes a lone name only when it looks like one', () => {
    expect(readLoneNames('胡平')?.author).toBe('胡平');
    expect(readLoneNames('关注')).toBeNull();
    expect(readLoneNames('安徽省')).toBeNull();
  });

  it('reads a reprint’s issue line as source and month', () => {
    expect(readMetaLine('——《北京之春》1998年3月号')).toEqual({ source: '北京之春', published: '1998-03' });
  });
});

describe('a <title> that says nothing', () => {
  it('takes the centered bold line standing alone, not bold words inside a paragraph', () => {
    const body = `<p>站内公告：<b>今日维护</b>，请稍候访问本站的其他栏目和服务。</p><p align="center"><font color="darkblue"><strong>犬儒病(上)</strong></font></p><hr><p>胡平</p><p>${'正文内容。'.repeat(20)}</p>`;
    expect(pick('显示', body)).toBe('犬儒病(上)');
  });
});

describe('headlines from the page’s own record and headings', () => {
  it('takes the CMS record’s title, date and author when <title> is only the site name, never a bold label', () => {
    const html = `<!--enpproperty <date>2011-12-08</date><author>记者 武彩霞</author><title>中国iPad商标侵权纠纷案一审审结 苹果败诉</title> /enpproperty--><!DOCTYPE html>
      <html><head><title>经济参考网</title></head><body><table><tr><td class="black18">中国iPad商标侵权纠纷案一审审结 苹果败诉</td></tr></table>
      ${'<p>深圳市中级人民法院日前向媒体透露，苹果公司与唯冠科技关于商标侵权纠纷案一审审结，驳回苹果公司要求认定唯冠侵权等诉讼请求。</p>'.repeat(4)}
      <p><strong>相关新闻：</strong></p><ul><li><a href="/1">唯冠回应</a></li></ul></body></html>`;
    const a = cleanDocument(parseHtml(html, 'https://news.example/a.html'), 'https://news.example/a.html', { sanitize: nodeSanitizer() });
    expect(a.title).toBe('中国iPad商标侵权纠纷案一审审结 苹果败诉');
    expect(a.published).toBe('2011-12-08');
    expect(a.author).toBe('武彩霞');
    expect(pick('经济参考网', '<p><strong>相关新闻：</strong></p><p>正文内容很长很长的一段文字。</p>')).not.toBe('相关新闻：');
  });

  it('prefers the page’s <h1> standing whole in <title> over a longer channel part', () => {
    const title = '柯达宣布重组 起诉苹果、HTC侵犯专利--跨国公司-上这里，懂跨国公司-外资 世界500强-外企-人民网--人民网';
    const body = '<div class="nav">跨国公司-上这里，懂跨国公司-外资 世界500强-外企-人民网</div><h1>柯达宣布重组&nbsp;起诉苹果、HTC侵犯专利</h1><p>正文。</p>';
    expect(pick(title, body)).toBe('柯达宣布重组 起诉苹果、HTC侵犯专利');
  });
});
