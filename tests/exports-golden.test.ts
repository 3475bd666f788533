import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../lib/export/formats';
import { cleanText } from '../lib/text-pipeline';
import { loadGolden } from './helpers/golden';

/** The Markdown a reader gets for each seed, reviewed and kept in tests/golden-md. */
describe.each(loadGolden())('seed $id as Markdown', ({ id, seedText }) => {
  it('matches the reviewed file', async () => {
    await expect(toMarkdown(cleanText(seedText))).toMatchFileSnapshot(`golden-md/${id}.md`);
  });
});
