import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { createSanitizer } from '../../lib/sanitize';

describe('sanitizer', () => {
  const sanitize = createSanitizer(new JSDOM('').window as unknown as Window);

  it('removes scripts, handlers and javascript: URLs', () => {
    const out = sanitize('<p onclick="x()">a<script>alert(1)</script><a href="javascript:alert(1)">b</a><img src=x onerror=alert(1)><svg><script>1</script></svg></p>');
    expect(out).not.toMatch(/script|onclick|onerror|javascript:/i);
    expect(out).toContain('a');
  });

  it('refuses a DOM it cannot sanitize with (linkedom)', () => {
    const { window } = parseHTML('<html><body></body></html>');
    expect(() => createSanitizer(window as unknown as Window)).toThrow(/cannot sanitize/);
  });
});
