import DOMPurify from 'dompurify';

type WindowLike = Parameters<typeof DOMPurify>[0];

/**
 * The one place page-derived HTML is made safe. DOMPurify needs a real DOM
 * (a browser window or jsdom); with a DOM it cannot sanitize under (linkedom)
 * it would return its input unchanged, so we refuse instead.
 */
const PROBE = '<img src="x" onerror="alert(1)"><script>alert(2)</script>';

export function createSanitizer(win: NonNullable<WindowLike> | Window): (html: string) => string {
  const purify = DOMPurify(win as NonNullable<WindowLike>);
  const probe = purify.isSupported ? purify.sanitize(PROBE) : PROBE;
  if (/onerror|<script/i.test(probe)) {
    throw new Error('DOMPurify cannot sanitize with this DOM implementation; use a browser window or jsdom.');
  }
  // Pictures and links only by web address: a data: "picture" can be an HTML page in disguise.
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    if (/^(src|href|xlink:href)$/i.test(data.attrName) && /^\s*data:/i.test(data.attrValue)) data.keepAttr = false;
  });
  return (html) =>
    purify.sanitize(html, {
      FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
      FORBID_ATTR: ['style', 'srcset'],
      ALLOW_DATA_ATTR: false,
    });
}
