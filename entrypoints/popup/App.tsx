import { useEffect, useState } from 'preact/hooks';
import { convertArticle } from '../../lib/convert/article';
import { loadConverter } from '../../lib/convert/load';
import type { ScriptVariant } from '../../lib/convert/variants';
import type { CleanArticle } from '../../lib/types';
import { articleScript } from '../../platform/settings';
import { ScriptControls } from './ScriptControls';
import { articleFilename } from '../../lib/export/filename';
import { type ExportFormat, FORMAT_INFO, exportArticle, toMarkdown } from '../../lib/export/formats';
import { ArticleView } from './ArticleView';
import { type PopupState, cleanTab } from './clean-tab';
import { downloadText } from './download';

const MESSAGES = {
  restricted: '浏览器不允许扩展读取此页面（浏览器内部页面或扩展商店）。请在普通网页上使用净读。',
  'no-article': '此页面上没有找到文章。净读适用于新闻、论坛帖子和电子报的文章页面。',
  error: '清理此页面时出错：',
};

function hostnameOf(url: string | null | undefined): string {
  try {
    return url ? new URL(url).hostname : '';
  } catch {
    return '';
  }
}

export function App() {
  const [state, setState] = useState<PopupState>({ kind: 'loading' });
  const [format, setFormat] = useState<ExportFormat>('md');
  const [notice, setNotice] = useState('');
  const [variant, setVariant] = useState<ScriptVariant>('original');
  const [shown, setShown] = useState<CleanArticle | null>(null);

  useEffect(() => {
    cleanTab().then(setState, (err) => setState({ kind: 'failed', reason: 'error', message: String(err) }));
    articleScript.getValue().then(setVariant);
  }, []);

  // The converted view is derived from the original article, which is never changed.
  const original = state.kind === 'ready' ? state.result.article : null;
  useEffect(() => {
    if (!original) return;
    if (variant === 'original') return setShown(original);
    let live = true;
    loadConverter(variant).then((convert) => live && setShown(convertArticle(original, convert)));
    return () => {
      live = false;
    };
  }, [original, variant]);

  if (state.kind === 'loading') return <p class="status">正在清理…</p>;
  if (state.kind === 'restricted') return <p class="status error" id="message">{MESSAGES.restricted}</p>;
  if (state.kind === 'failed')
    return (
      <p class="status error" id="message">
        {state.reason === 'no-article' ? MESSAGES['no-article'] : MESSAGES.error + state.message}
      </p>
    );

  const article = shown ?? state.result.article;
  const chooseVariant = (v: ScriptVariant) => {
    setVariant(v);
    void articleScript.setValue(v);
  };
  const copy = async () => {
    await navigator.clipboard.writeText(toMarkdown(article));
    setNotice('已复制 Markdown');
  };
  const download = () => {
    const info = FORMAT_INFO[format];
    downloadText(articleFilename(article, info.extension), exportArticle(article, format), info.mime);
    setNotice(`已下载 .${info.extension}`);
  };

  return (
    <main>
      <nav class="toolbar">
        <button id="copy-md" onClick={copy}>复制 Markdown</button>
        <select id="format" value={format} onChange={(e) => setFormat((e.target as HTMLSelectElement).value as ExportFormat)}>
          <option value="md">Markdown</option>
          <option value="txt">纯文本</option>
          <option value="html">HTML</option>
          <option value="json">JSON</option>
        </select>
        <button id="download" onClick={download}>下载</button>
        <span class="notice" role="status">{notice}</span>
      </nav>
      <ScriptControls variant={variant} onVariant={chooseVariant} tabId={state.tabId} hostname={hostnameOf(original?.url)} />
      <ArticleView article={article} />
    </main>
  );
}
