import type { ScriptVariant, TargetVariant } from '../lib/convert/variants';
import { converterFiles } from './page-script';
import { everyPageScript, siteScripts } from './settings';

const ID_PREFIX = 'jingdu-site-';

export function originPattern(hostname: string): string {
  return `*://${hostname}/*`;
}

/** What converting every page needs: the optional host access of the manifest, all of it. */
export const EVERY_SITE = ['http://*/*', 'https://*/*'];
const EVERY_PAGE_ID = `${ID_PREFIX}every-page`;

/**
 * Re-registers the per-site content scripts from storage: one registration per
 * remembered site, and only where the user granted that site's permission.
 */
export async function syncSiteScripts(): Promise<void> {
  const ours = (await browser.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(ID_PREFIX));
  if (ours.length) await browser.scripting.unregisterContentScripts({ ids: ours.map((s) => s.id) });
  const sites = await siteScripts.getValue();
  const registrations = [];
  // A site kept in its original script needs no script of its own: every page's leaves it out.
  const keptOriginal = Object.keys(sites).filter((host) => sites[host] === 'original');
  for (const [host, variant] of Object.entries(sites) as Array<[string, ScriptVariant]>) {
    if (variant === 'original') continue;
    if (!(await browser.permissions.contains({ origins: [originPattern(host)] }))) continue;
    registrations.push({
      id: `${ID_PREFIX}${host}`,
      matches: [originPattern(host)],
      js: [...converterFiles(variant).map((f) => f.slice(1)), 'site-memory.js'],
      runAt: 'document_idle' as const,
      persistAcrossSessions: true,
    });
  }
  // Every page, where the user turned it on and granted it; the sites remembered on their own run their own script.
  const every = await everyPageScript.getValue();
  if (every && (await browser.permissions.contains({ origins: EVERY_SITE }))) {
    registrations.push({
      id: EVERY_PAGE_ID,
      matches: EVERY_SITE,
      excludeMatches: [...registrations.flatMap((r) => r.matches), ...keptOriginal.map(originPattern)],
      js: [...converterFiles(every).map((f) => f.slice(1)), 'site-memory.js'],
      runAt: 'document_idle' as const,
      persistAcrossSessions: true,
    });
  }
  if (registrations.length) await browser.scripting.registerContentScripts(registrations);
}

/**
 * Called from a click in the options: asks for every site's access at that moment, then turns
 * converting every page on (or off, giving the access back when no remembered site needs it).
 */
export async function setEveryPageScript(variant: TargetVariant | null): Promise<boolean> {
  if (variant) {
    if (!(await browser.permissions.request({ origins: EVERY_SITE }))) return false;
  } else await browser.permissions.remove({ origins: EVERY_SITE }).catch(() => false);
  await everyPageScript.setValue(variant);
  return true;
}

/**
 * Called from a click in the popup: asks for this one site's permission, then remembers it.
 * 'original' keeps the site as it is written when every page is converted: no access is needed.
 */
export async function rememberSite(hostname: string, variant: ScriptVariant | null): Promise<boolean> {
  const sites = { ...(await siteScripts.getValue()) };
  if (variant === 'original') sites[hostname] = variant;
  else if (variant) {
    const granted = await browser.permissions.request({ origins: [originPattern(hostname)] });
    if (!granted) return false;
    sites[hostname] = variant;
  } else {
    delete sites[hostname];
    await browser.permissions.remove({ origins: [originPattern(hostname)] }).catch(() => false);
  }
  await siteScripts.setValue(sites);
  return true;
}
