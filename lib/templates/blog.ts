import { cjkCount } from '../blocks';
import { findChineseDate } from '../metadata/dates';
import { type DomMeta, type Template, scoreChecks } from './types';

/**
 * Blogs (WordPress, Blogger, Sina 博客, 网易博客, hosted blogs): the post sits in an
 * element the engine names for it. A blog's front page holds several posts, and a sidebar
 * lists many more by title, which Readability can take for the article; the first post
 * body with real text is the article.
 */
const POST_BODY = ['.entry-content', '.post-body', '.post-content', '.articalContent', '.blog_content', '.blogContent', '.BlogContent', '.nbw-blog', '.blog-content'];
const POST_TITLE = ['.entry-title', '.post-title', '.articalTitle .titName', '.articalTitle', '.blog_title', '.blogTitle', '.title-text'];
/** Less than this many Chinese characters is an excerpt or an empty shell, not the post. */
const MIN_POST = 60;

function firstPost(doc: Document): Element | null {
  for (const el of doc.querySelectorAll(POST_BODY.join(','))) if (cjkCount(el.textContent ?? '') >= MIN_POST) return el;
  return null;
}

/** The post's own title and date: the title element before the post, and the date beside it. */
function meta(doc: Document): DomMeta {
  const out: DomMeta = {};
  const post = firstPost(doc);
  if (!post) return out;
  // The nearest title element before the post; a cell holding only the post's date is not it.
  const titles = [...doc.querySelectorAll(POST_TITLE.join(','))].filter(
    (t) => t.compareDocumentPosition(post) & 4 /* post follows */ && !/^\s*[\d\s:/.\-年月日]+\s*$/.test(t.textContent ?? ''),
  );
  const title = titles.at(-1);
  const dateText = `${title?.parentElement?.textContent ?? ''} ${doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? ''}`;
  const date = findChineseDate(dateText);
  if (date) out.published = date.iso;
  const titleText = title?.textContent?.replace(/\s+/g, ' ').trim();
  if (titleText) out.title = titleText;
  return out;
}

export const blog: Template = {
  id: 'blog',
  label: 'Blog post',
  detect: (doc) =>
    scoreChecks('Blog', [
      // Post and title classes alone are common on any article page; a blog says more about itself.
      ['post body element', !!firstPost(doc), 0.2],
      ['post title element', !!doc.querySelector(POST_TITLE.join(',')), 0.1],
      ['several posts', doc.querySelectorAll(POST_BODY.join(',')).length > 1, 0.1],
      ['generator WordPress/blog', /wordpress|blogger|blog/i.test(doc.querySelector('meta[name="generator"]')?.getAttribute('content') ?? ''), 0.2],
      ["'博客' in title", /博客|部落格|blog/i.test(doc.title), 0.1],
    ]),
  detectText: () => ({ score: 0, evidence: [] }),
  contentOf: (doc) => {
    const post = firstPost(doc);
    return post ? [post] : [];
  },
  meta,
};
