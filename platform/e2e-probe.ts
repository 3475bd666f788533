import { openLibrary } from '../lib/storage/library';
import { cleanInTab } from './clean-in-tab';
import { keepPicturesEnabled, pictureChoice, saveArticle } from './library-actions';
import { pictureJobs, runPictureJobs } from './picture-jobs';
import { setPageScript } from './page-script';
import { saveRuleFromPicker } from './picker';

/** The rule the probe keeps first in its site-rule mode, through the same path the picker's "remember" takes. */
const PROBE_RULE = { schema: 1, id: 'e2e-local-replies', label: '127.0.0.1', match: { hosts: ['127.0.0.1'] }, remove: ['#replyBox'] };

/**
 * Test builds only (wxt --mode e2e): where a browser's automation cannot click the toolbar
 * or open extension pages (Firefox over WebDriver BiDi), a fixture page asks the background
 * to run the real flows on its tab — clean, show the page in 繁體 and back, save and read
 * back from the library — and gets the outcome to show the test.
 */
export async function runProbe(tabId: number, mergePages = false, siteRule = false): Promise<Record<string, unknown>> {
  const ruleSaved = siteRule ? (await saveRuleFromPicker(PROBE_RULE)).ok : undefined;
  const heading = async () => {
    const [first] = await browser.scripting.executeScript({ target: { tabId }, func: () => document.querySelector('h1')?.textContent ?? null });
    return first?.result as string | null;
  };
  const cleaned = await cleanInTab(tabId, { mergePages });
  if (!cleaned?.ok) return { ok: false, reason: cleaned?.reason ?? 'no answer' };
  await setPageScript(tabId, 't');
  const headingTraditional = await heading();
  await setPageScript(tabId, 'original');
  const headingRestored = await heading();
  // Saved as the save shortcut saves: pictures kept from sites already granted.
  const pictures = await pictureChoice(cleaned.article, await keepPicturesEnabled(), false);
  // The background keeps the pictures after the save, as a job: the probe waits for it to end.
  const saved = await saveArticle(cleaned.article, 'original', null, { pictures, runJobs: () => undefined });
  await runPictureJobs();
  const pictureJob = (await pictureJobs.getValue())[cleaned.article.url ?? ''];
  const lib = await openLibrary();
  try {
    const back = await lib.get(cleaned.article.url ?? '');
    return {
      ok: true,
      title: cleaned.article.title,
      template: cleaned.article.template.id,
      paragraphs: cleaned.article.paragraphs.length,
      text: cleaned.article.paragraphs.join('\n'),
      mergedPages: cleaned.article.mergedPages?.length ?? 0,
      ruleSaved,
      siteRules: cleaned.article.siteRules?.map((r) => `${r.id}:${r.removed}`) ?? [],
      headingTraditional,
      headingRestored,
      saved: saved.ok,
      pictureJob: pictureJob ? { total: pictureJob.total, kept: pictureJob.kept, finished: !!pictureJob.finishedAt } : null,
      readBack: back ? { title: back.article.title, paragraphs: back.article.paragraphs.length, pictures: (await lib.pictureFiles(back)).size, picturesMissed: back.picturesMissed ?? 0 } : null,
    };
  } finally {
    lib.close();
  }
}
