import { describe, expect, it } from 'vitest';
import { nodeSanitizer, parseHtml } from '../../cli/node-dom';
import { joinHardWrappedLines } from '../../lib/article/hard-wrap';
import { textBlock } from '../../lib/blocks';
import { parseChineseDate } from '../../lib/metadata/dates';
import { joinKeyCells, readMetaLine } from '../../lib/metadata/fields';
import { cleanDocument } from '../../lib/pipeline';

/** Pages as the engines print them, cut down to what the readers look at. */
const clean = (html: string, url = 'https://news.example/2022/a.html') =>
  cleanDocument(parseHtml(html, url), url, { sanitize: nodeSanitizer() });

const PROSE = '记者近日从有关部门召开的工作会议上了解到，全区去年共改造户用卫生厕所四万多座，农牧区人居环境明显改善。';
const prose = (n: number) => Array.from({ length: n }, (_, i) => `<p>${PROSE}第${i + 1}段。</p>`).join('');

describe('dates the page states outside its lines', () => {
  it('reads scholarly and Dublin Core meta tags, and their writers', () => {
    const a = clean(`<html><head><title>淘宝网物流配送存在的问题及对策研究</title>
      <meta name="citation_authors" content="赵  培"><meta name="Author" content="中文学术期刊,汉斯出版社">
      <meta name="dc.date" content="2018-08-23"></head>
      <body><h1>淘宝网物流配送存在的问题及对策研究</h1>${prose(6)}</body></html>`);
    expect(a.published).toBe('2018-08-23');
    expect(a.author).toBe('赵培');
  });

  it('reads the article record Founder e-papers leave in a comment, else the issue date in the masthead', () => {
    const page = (record: string) => `<html><head><title>“厕所革命”改善农牧区人居环境</title></head><body>
      <div class="cb-text"><span id="paperdate">2022年02月13日</span></div><div>上一版 下一版</div>
      <founder-content>${prose(6)}<!--/enpcontent-->${record}</founder-content></body></html>`;
    const withRecord = clean(page('<!--enpproperty <date>2022-02-12 00:00:00:0</date><author></author><subtitle>去年改造户用卫生厕所4.66万座</subtitle>/enpproperty-->'));
    expect(withRecord.published).toBe('2022-02-12');
    expect(withRecord.subtitle).toBe('去年改造户用卫生厕所4.66万座');
    expect(clean(page('')).published).toBe('2022-02-13');
  });

  it('reads an ASP server’s US date, month first', () => {
    expect(parseChineseDate('发布日期： 7/5/2005 9:23:57 PM')).toBe('2005-07-05T21:23:57');
    expect(parseChineseDate('7/5/2005')).toBeNull(); // without AM/PM the order is anyone's guess
  });

  it('never takes a date inside a hard-wrapped prose line, and leaves that line in the body', () => {
    const line = '「被告人与邵阳师专学生黄某某、周某某于1989年5月26日离邵到北京了解动乱';
    expect(readMetaLine(line)).toBeNull();
    expect(readMetaLine('2003-7-24 钱江晚报')).toEqual({ published: '2003-07-24' });
  });
});

describe('credits set over several lines or cells', () => {
  it('joins role lines in page order inside the article', () => {
    const a = clean(`<html><head><title>谁来为无序拆房“埋单”？</title></head><body><div class="entity">
      <p align="center">谁来为无序拆房“埋单”？</p><p align="center"><span>本报实习生</span> <span>刘国栋 周炜</span></p>
      <p align="center"><span>本报记者</span> <span>王燕平 方云凤 柏建斌</span></p><p align="center">2003-7-24 钱江晚报</p>${prose(6)}</div></body></html>`);
    expect(a.author).toBe('刘国栋 周炜 王燕平 方云凤 柏建斌');
    expect(a.published).toBe('2003-07-24');
  });

  it('reads a key and its value from two table cells', () => {
    expect(joinKeyCells(['发文机关：', '吉林省人民政府', '成文日期：', '2022年01月27日'])).toEqual(['发文机关：吉林省人民政府', '成文日期：', '2022年01月27日']);
  });

  it('refuses a template’s own markup as a value, but keeps a source address', () => {
    expect(readMetaLine('作者： size="20" 来源： size="20"')).toBeNull();
    expect(readMetaLine('資料來源：http://www.example.com.tw/hotnews.asp?aid=14866')?.source).toContain('aid=14866');
  });

  it('takes the writers a forum post opens with over its poster', () => {
    const a = clean(`<html><head><title>社会资本与下岗职工的再就业 - 学术前沿 - powered by Discuz! Archiver</title>
      <meta name="generator" content="Discuz! Archiver 5.0.0"></head><body>
      <div class="simpletable smalltxt"><div class="subtable altbg1"><span class="right">2003-5-29 09:07</span><b>高山流水</b></div>
      <div class="subtable altbg2 t_msg"><b>社会资本与下岗职工的再就业</b><br><br>社会资本与下岗职工的再就业<br><br>赵延东、风笑天<br><br>
      ${Array.from({ length: 6 }, () => PROSE).join('<br><br>')}</div></div></body></html>`);
    expect(a.byline).toBe('赵延东、风笑天');
    expect(a.poster).toBe('高山流水');
  });
});

describe('hard-wrapped text', () => {
  const wrapped = [
    '一九八九年四月，我在湖南张家界开一个全省教学研究',
    '会议。按照惯例，会议安排了一天时间，让与会者去风',
    '景点游玩观赏。那一天正好是四月十五日，后来我们才',
    '知道，这是在中国历史上刻下深深痕迹的一天。',
    '张家界的春天，美得让人眩目。长期过著从家门到校门',
    '的机械生活，一下子置身于翠绿欲滴的森林，看不完的',
    '奇山异峰，山涧涓流，名花异草，我简直要玩疯了。',
  ];

  it('joins lines broken at a fixed width back into paragraphs', () => {
    const blocks = wrapped.map((t) => textBlock(t));
    joinHardWrappedLines(blocks);
    const kept = blocks.filter((b) => !b.dropped).map((b) => b.text);
    expect(kept).toEqual([wrapped.slice(0, 4).join(''), wrapped.slice(4).join('')]);
  });

  it('leaves verse and ordinary paragraphs alone', () => {
    const verse = ['床前明月光', '疑是地上霜', '举头望明月', '低头思故乡', '床前明月光', '疑是地上霜'].map((t) => textBlock(t));
    joinHardWrappedLines(verse);
    expect(verse.filter((b) => !b.dropped)).toHaveLength(6);
    const news = [PROSE, `${PROSE}又及`, PROSE.slice(3), PROSE, PROSE].map((t) => textBlock(t));
    joinHardWrappedLines(news);
    expect(news.filter((b) => !b.dropped)).toHaveLength(5);
  });

  it('makes no wrapped line a heading in the cleaned article', () => {
    const a = clean(`<html><head><title>我是怎样卷入的</title></head><body><p>${wrapped.join('<p>')}</p>${prose(3)}</body></html>`);
    expect(a.headings).toEqual([]);
    expect(a.paragraphs[0]).toBe(wrapped.slice(0, 4).join(''));
  });
});

describe('pictures and their captions', () => {
  const STORY = '12月6日，某社区为农民工开设“维权绿色通道”，及时、高效地提高农民工的维权效率，降低维权成本，确保农民工的血汗钱得到保障。图为律师现场讲解讨薪维权知识。 韩苏原 摄';

  it('makes a photo story’s caption its text when there is no other prose', () => {
    const a = clean(`<html><head><title>农民工维权绿色通道（图）</title></head><body><div class="endText">
      <h1>农民工维权绿色通道（图）</h1><p><img src="https://img.example/a.jpg" alt="维权"></p><p>${STORY}</p>
      <p>复制成功，按CTRL+V发送给好友、论坛或博客。</p></div></body></html>`);
    expect(a.paragraphs).toEqual([STORY]);
  });

  it('takes no caption from a button repeated after every paragraph', () => {
    const button = '<img src="/News/images/translate.gif" alt="中翻英，翻譯內容僅供參考。">';
    const lines = ['醫師建議乾眼症時，眼睛每三十分鐘就要休息五分鐘。', '太乾，就乾脆換上眼鏡。'];
    const a = clean(`<html><head><title>電暖爐惹禍</title></head><body><div id="news">${prose(4)}
      ${lines.map((l) => `${button}<span>${l}</span><br>`).join('')}${button}</div></body></html>`);
    expect(a.captions).toEqual([]);
    expect(a.paragraphs.slice(-2)).toEqual(lines);
  });
});
