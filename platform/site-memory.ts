import { type TargetVariant } from '../lib/convert/variants';
import { converterFiles } from './page-script';
import { siteScripts } from './settings';

const ID_PREFIX = 'jingdu-site-';

export function originPattern(hostname: string): string {
  return `*://${hostname}/*`;
}

/**
 * Re-registers the per-site content scripts from storage: one registration per
 * remembered site, and only where the user granted that site's permission.
 */
export async function syncSiteScripts(): Promise<void> {
  const ours = (await browser.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(ID_PREFIX));
  if (ours.length) await browser.scripting.unregisterContentScripts({ ids: ours.map((s) => s.id) });
  const sites = await siteScripts.getValue();
  const registrations = [];
  for (const [host, variant] of Object.entries(sites) as Array<[string, TargetVariant]>) {
    if (!(await browser.permissions.contains({ origins: [originPattern(host)] }))) continue;
    registrations.push({
      id: `${ID_PREFIX}${host}`,
      matches: [originPattern(host)],
      js: [...converterFiles(variant).map((f) => f.slice(1)), 'site-memory.js'],
      runAt: 'document_idle' as const,
      persistAcrossSessions: true,
    });
  }
  if (registrations.length) await browser.scripting.registerContentScripts(registrations);
}

/** Called from a click in the popup: asks for this one site's permission, then remembers it. */
export async function rememberSite(hostname: string, variant: TargetVariant | null): Promise<boolean> {
  const sites = { ...(await siteScripts.getValue()) };
  if (variant) {
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
