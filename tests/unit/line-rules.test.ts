import { isPagerLine } from '../../lib/rules/pager';
import { qrCodeRule } from '../../lib/rules/qr-code';
import { trailingLinksRule } from '../../lib/rules/trailing-links';
import { describe, expect, it } from 'vitest';
import { type Block, textBlock } from '../../lib/blocks';
import { boilerplateRule } from '../../lib/rules/boilerplate';
import { continuationRule } from '../../lib/rules/continuation';
import { isMenuLine } from '../../lib/rules/navigation';
import { repeatedTitleRule } from '../../lib/rules/repeated-title';
import { isSeoLinkList } from '../../lib/rules/seo-links';
import { shareWidgetRule } from '../../lib/rules/share-widget';
import { isAttachmentLine } from '../../lib/rules/attachments';
import { restoreFullWidth } from '../../lib/rules/punctuation';
import { trailingChromeRule } from '../../lib/rules/trailing-chrome';

const blocks = (...lines: string[]): Block[] => lines.map((l) => textBlock(l));
const kept = (bs: Block[]) => bs.filter((b) => !b.dropped).map((b) => b.text);
const ctx = { title: null, boilerplate: [] };

describe('SEO link lists', () => {
  it('finds runs of county names', () => {
    expect(isSeoLinkList('阿鲁科尔沁旗| 密云县| 石门县| 延津县| 永仁县| 闽清县| 梅河口市| 房产| 库尔勒市|')).toBe(true);
  });
  it('leaves sentences and short lists alone', () => {
    expect(isSeoLinkList('我们去了密云县、石门县和延津县，看望了当地的老人。')).toBe(false);
    expect(isSeoLinkList('密云县| 石门县')).toBe(false);
  });
});

describe('menus', () => {
  it('finds flattened menus', () => {
    expect(isMenuLine('要闻分享| 关注中国| 逆耳忠言| 不平则鸣| 情感天空')).toBe(true);
    expect(isMenuLine('QQ|关于我们|联系我们|用户须知|小黑屋')).toBe(true);
  });
  it('keeps a sentence with one bar', () => {
    expect(isMenuLine('这是一个很长的句子，中间有一个竖线|但它不是菜单。')).toBe(false);
  });
});

describe('boilerplate', () => {
  it('drops forum prompts and copyright notices, keeps news', () => {
    const bs = blocks(
      '您需要登录后才可以回帖 登录 | 立即注册',
      'Powered by Discuz! X3.4',
      '© 2001-2023 Discuz! Team.',
      '中國有色網聲明:本網所有內容的版權均屬于作者或頁面內聲明的版權人。',
      '如需轉載,轉載方必須與中國有色網聯系',
      '記者在現場看到，工人們正在加緊施工，預計年底前完工。',
      '上一篇    下一篇',
    );
    boilerplateRule.apply(bs, ctx);
    expect(kept(bs)).toEqual(['記者在現場看到，工人們正在加緊施工，預計年底前完工。']);
  });
});

describe('share widgets', () => {
  it('drops the label and the site name above it', () => {
    const bs = blocks('鄉村干部報網', '微信公眾號', '鄉村干部報網', '官方微博', '青海省海西州委常委、組織部長 王潤宇');
    const result = shareWidgetRule.apply(bs, ctx);
    expect(kept(bs)).toEqual(['青海省海西州委常委、組織部長 王潤宇']);
    expect(result.removed).toBe(4);
  });
});

describe('continuation markers', () => {
  it('removes markers inside a paragraph', () => {
    const bs = blocks('提供组织保障;■下转第3版  ■上接第2版  市纪委监委发出通知。');
    continuationRule.apply(bs, ctx);
    expect(kept(bs)).toEqual(['提供组织保障;市纪委监委发出通知。']);
  });
  it('joins a paragraph split across pages', () => {
    const bs = blocks('为打赢疫情防控战提供组织保障；■下转第3版', '■上接第2版　市纪委监委发出通知。', '下一段。');
    continuationRule.apply(bs, ctx);
    expect(kept(bs)).toEqual(['为打赢疫情防控战提供组织保障；市纪委监委发出通知。', '下一段。']);
  });
});

describe('repeated title', () => {
  it('drops the headline echoed in the body, whatever the spacing', () => {
    const bs = blocks('疫情防得住 发展搞得好(深度关注)', '正文第一段。');
    repeatedTitleRule.apply(bs, { title: '疫情防得住发展搞得好（深度关注）', boilerplate: [] });
    expect(kept(bs)).toEqual(['正文第一段。']);
  });
});

describe('attachments', () => {
  it('finds attachment labels only', () => {
    expect(isAttachmentLine('   36杭锦旗:党员闻令而动 堡垒因战而坚.jpg')).toBe(true);
    expect(isAttachmentLine('下载附件 (85.3 KB)')).toBe(true);
    expect(isAttachmentLine('他把照片保存成了一个文件。')).toBe(false);
  });
});

describe('full-width punctuation', () => {
  it('restores Chinese punctuation flattened by NFKC', () => {
    expect(restoreFullWidth('杭锦旗:党员闻令而动,堡垒因战而坚!')).toBe('杭锦旗：党员闻令而动，堡垒因战而坚！');
    expect(restoreFullWidth('发展搞得好(深度关注)')).toBe('发展搞得好（深度关注）');
  });
  it('leaves times, decimals, URLs and English alone', () => {
    for (const s of ['12:37', 'PM2.5', 'Hello, world!', '網址:http://a.b/c', 'f(x)']) expect(restoreFullWidth(s)).toBe(s.replace('網址:', '網址：'));
  });
});

describe('pager lines', () => {
  it.each(['1 2 3 下一页', '上一页 1 2 [3] 4 下一页 尾页', '共3页 第1页', '首页 上一页 下一页 末页', '« 1 2 … 9 »'])('drops %j', (line) => {
    expect(isPagerLine(line)).toBe(true);
  });
  it.each(['下一页', '2020年3月5日', '第3版', '全镇18个村 1 2 3 期工程', '12'])('keeps %j', (line) => {
    expect(isPagerLine(line)).toBe(false);
  });
});

describe('links and QR codes at the end of an article', () => {
  const ctx = { title: null, boilerplate: [] };
  it('drops the run of link-only lines that ends the body, and nothing before it', () => {
    const body: Block[] = [
      textBlock('正文最后一段，写到这里就结束了。', 'text', '正文最后一段，<a href="https://x.example/a">写到这里</a>就结束了。'),
      textBlock('一个村庄的十年', 'text', '<a href="https://x.example/1">一个村庄的十年</a>'),
      textBlock('返乡青年的第一块茶园', 'text', '<a href="https://x.example/2">返乡青年的第一块茶园</a>'),
    ];
    expect(trailingLinksRule.apply(body, ctx).removed).toBe(2);
    expect(body.map((b) => !!b.dropped)).toEqual([false, true, true]);
  });
  it('keeps a notice’s attachments, which are links too', () => {
    const body: Block[] = [
      textBlock('请各乡镇于7月15日前报送排查情况。'),
      textBlock('附件1：小型水库责任人名单.xlsx', 'text', '<a href="/files/2023/zrr.xlsx">附件1：小型水库责任人名单.xlsx</a>'),
      textBlock('关于做好主汛期防汛工作的通知', 'text', '<a href="/files/2023/notice.pdf">关于做好主汛期防汛工作的通知</a>'),
    ];
    expect(trailingLinksRule.apply(body, ctx).removed).toBe(0);
  });
  it('drops a picture beside a "scan to follow" line, not other pictures', () => {
    const body: Block[] = [
      { text: '', kind: 'image', src: 'https://x.example/photo.jpg' },
      textBlock('茶农在市场里交易新采的茶青 郑远 摄'),
      { text: '', kind: 'image', src: 'https://x.example/qr.jpg' },
      { ...textBlock('长按识别二维码关注我们'), dropped: true },
    ];
    expect(qrCodeRule.apply(body, ctx).removed).toBe(1);
    expect(body.map((b) => !!b.dropped)).toEqual([false, false, true, true]);
  });
  it('keeps a photo beside a sentence about scanning codes', () => {
    const body: Block[] = [
      { text: '', kind: 'image', src: 'https://x.example/poster.jpg' },
      textBlock('社区在小区门口张贴了公告，居民用手机扫码即可查询本周的垃圾分类收运时间表。'),
    ];
    expect(qrCodeRule.apply(body, ctx).removed).toBe(0);
  });
});

describe('page chrome after the article', () => {
  const link = (text: string) => textBlock(text, 'text', `<a href="https://news.example/x">${text}</a>`);
  const prose = '记者从有关部门获悉，今年以来全市加快推进老旧小区改造，已完成改造项目一百二十个，惠及居民三万余户。';
  it('drops a tail of links and channel names after the last paragraph, keeps the credit line', () => {
    const bs = [textBlock(prose), textBlock('[责任编辑：乐璇]'), link('[打印]'), link('时政'), link('社会'), link('| 本周阴雨低温 流感发病可能活跃'), link('| 金融业跃居第一支柱产业')];
    trailingChromeRule.apply(bs, ctx);
    expect(kept(bs)).toEqual([prose, '[责任编辑：乐璇]']);
  });
  it('leaves a tail that is text, not links (a table, hard-wrapped lines)', () => {
    const bs = [textBlock(prose), textBlock('附：招生专业及考试科目'), textBlock('学科、专业名称（代码）'), textBlock('研究方向'), textBlock('指导教师'), textBlock('考试科目')];
    trailingChromeRule.apply(bs, ctx);
    expect(kept(bs)).toHaveLength(6);
  });
});

describe('toolbars, disclaimers and run-together pagers', () => {
  it('drops a line of toolbar words and a bulleted reprint notice, keeps a sentence using those words', () => {
    const bs = blocks('留言 打印 收藏此页 保存 关闭', '[打印]　[糾錯]　[評論]　[信箱]', '• 凡注明为其他媒体来源的信息，均为转载自其他媒体。', '请您对该文章评分：', '他说，请大家留言，也可以打印出来保存。');
    boilerplateRule.apply(bs, ctx);
    expect(kept(bs)).toEqual(['他说，请大家留言，也可以打印出来保存。']);
  });
  it('reads "1234 下一页" as a pager, a year alone as none', () => {
    expect(isPagerLine('1234 下一页')).toBe(true);
    expect(isPagerLine('2012 2013')).toBe(false);
  });
});

describe('the site promoting its own accounts', () => {
  it('drops a follow-us promo, keeps news that mentions an account', () => {
    const bs = blocks('本台新闻现已开设Facebook专页，让你即时掌握本地新闻！快点到Facebook Like我们的专页！', '欢迎关注本报官方微博。', '市政府昨日在官方微博上发布了停水通知，涉及三个街道。');
    boilerplateRule.apply(bs, ctx);
    expect(kept(bs)).toEqual(['市政府昨日在官方微博上发布了停水通知，涉及三个街道。']);
  });
});

describe('the newsroom’s own boxes and widget states', () => {
  it('drops the contact box, the tip-off promo and widget states; keeps a notice’s address and news about a hotline', () => {
    const bs = blocks(
      '电话：021-52921234转641133 新民网  传真：021-62677454',
      '邮箱：稿件处理  处理时间：9:00—18:00',
      '上海滩微博#爆料#或短信爆料15900430043 一经采用最高奖励500元',
      '复制成功，按CTRL+V发送给好友、论坛或博客。',
      '跟贴读取中...',
      '没有相关新闻',
      '4、通信地址：北京市海淀区马甸东路9号　法规司（邮编：100088）',
      '市民可拨打热线电话12345反映问题，有关部门将在三个工作日内答复。',
      '他拨打本报新闻热线85100000反映此事，一经采用的线索都会有记者跟进。',
      '复制成功的经验正在全省推广，各地纷纷前来学习。',
    );
    boilerplateRule.apply(bs, ctx);
    expect(kept(bs)).toEqual([
      '4、通信地址：北京市海淀区马甸东路9号　法规司（邮编：100088）',
      '市民可拨打热线电话12345反映问题，有关部门将在三个工作日内答复。',
      '他拨打本报新闻热线85100000反映此事，一经采用的线索都会有记者跟进。',
      '复制成功的经验正在全省推广，各地纷纷前来学习。',
    ]);
  });
});

describe('a site’s reprint notice and text-message promos', () => {
  it('drops the notice in the site’s own voice and the SMS promo, keeps news about a copyright case', () => {
    const bs = blocks(
      '新華網雲南頻道版權與免責聲明：',
      '① 凡本網注明”稿件來源：新華網雲南頻道”的所有文字、圖片和音視頻稿件，版權均屬本網所有。',
      '③ 如本網轉載稿涉及版權等問題，請作者在兩周內速來電或來函與本網聯繫。',
      '*本网站有关内容转载自合法授权网站，如果您认为转载内容侵犯了您的权益，',
      '订阅东北新闻报，移动发1到10658303 联通发DBXW至10655800',
      '法院审理认为，该网站未经许可转载涉案作品，侵犯了原告的著作权，判决其删除并赔偿损失。',
    );
    boilerplateRule.apply(bs, ctx);
    expect(kept(bs)).toEqual(['法院审理认为，该网站未经许可转载涉案作品，侵犯了原告的著作权，判决其删除并赔偿损失。']);
  });
});
