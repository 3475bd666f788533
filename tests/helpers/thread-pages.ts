import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from './fixtures';

/** A Discuz! post in the markup of the starter-posts fixture. */
function post(pid: number, uid: number, name: string, floor: string, when: string, text: string): string {
  return `<div id="post_${pid}">
<table id="pid${pid}" class="plhin" cellspacing="0" cellpadding="0"><tr>
<td class="pls" rowspan="2"><div class="pi"><div class="authi"><a href="space-uid-${uid}.html" class="xw1">${name}</a></div></div></td>
<td class="plc">
<div class="pi"><strong><a id="postnum${pid}">${floor}</a></strong><div class="pti"><div class="authi"><a href="space-uid-${uid}.html" class="xw1">${name}</a> <em id="authorposton${pid}">发表于 ${when}</em></div></div></div>
<div class="pct"><div class="pcb"><div class="t_fsz"><table cellspacing="0" cellpadding="0"><tr><td class="t_f" id="postmessage_${pid}">
${text}
</td></tr></table></div></div></div>
</td></tr></table>
</div>
`;
}

/**
 * The starter-posts thread as two pages with rewritten URLs (thread-9088-N-1.html):
 * page 1 is the fixture plus a pager; page 2 has a reply by someone else and one
 * more post by the starter.
 */
export function threadPages(): Record<string, string> {
  const page = readFileSync(join(FIXTURES_DIR, 'discuz--starter-posts-only.html'), 'utf8');
  const postsStart = page.indexOf('<div id="post_501">');
  const replyForm = page.indexOf('<div id="f_pst"');
  const pager = (links: string) => `<div class="pgs mtm mbm cl"><div class="pg">${links}</div></div>\n`;
  const laterPosts =
    post(504, 95, '老街坊王姐', '4#', '2021-6-20 09:30:11', '我们这边的停车棚去年就建好了，但是充电口一直不够用，晚上经常要排队，建议街道一次多装几个。') +
    post(505, 88, '江边老李', '5#', '2021-7-02 19:48:20', '再更新一下：停车棚已经开工，施工队说七月底可以完工，到时候我再拍照片发上来。<font class="jammer">Lk9^w</font>');
  return {
    'thread-9088-1-1.html':
      page.slice(0, replyForm) + pager('<strong>1</strong><a href="thread-9088-2-1.html">2</a><a href="thread-9088-2-1.html" class="nxt">下一页</a>') + page.slice(replyForm),
    'thread-9088-2-1.html':
      page.slice(0, postsStart) + laterPosts + '</div>\n' + pager('<a href="thread-9088-1-1.html" class="prev">上一页</a><a href="thread-9088-1-1.html">1</a><strong>2</strong>') + page.slice(replyForm),
  };
}
