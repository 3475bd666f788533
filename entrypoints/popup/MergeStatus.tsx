import { useEffect, useState } from 'preact/hooks';
import type { MergeProgress } from '../../lib/messages';
import { mergeProgressInTab, stopMergeInTab } from '../../platform/clean-in-tab';
import { t } from '../../platform/i18n';
import { targetTab } from './clean-tab';

/** While the tab merges later pages: which page it is at, and a way to stop with what is merged. */
export function MergeStatus() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [progress, setProgress] = useState<MergeProgress | null>(null);
  const [stopping, setStopping] = useState(false);
  useEffect(() => {
    targetTab().then((tab) => setTabId(tab.id), () => undefined);
  }, []);
  useEffect(() => {
    if (tabId === null || tabId < 0) return;
    const poll = setInterval(() => mergeProgressInTab(tabId).then(setProgress, () => undefined), 300);
    return () => clearInterval(poll);
  }, [tabId]);
  if (!progress || tabId === null) return null;
  const stop = () => {
    setStopping(true);
    void stopMergeInTab(tabId);
  };
  return (
    <p class="status" id="merge-status" role="status">
      {t('merging', String(progress.loaded + 1), String(progress.known))}{' '}
      <button id="stop-merge" disabled={stopping} onClick={stop}>{t('stopMerge')}</button>
    </p>
  );
}
