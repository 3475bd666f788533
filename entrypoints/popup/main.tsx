import { render } from 'preact';
import { t } from '../../platform/i18n';
import { startCleaning } from './clean-tab';
import './style.css';

// The page's own title in the reader's language (the HTML's is the manifest placeholder).
document.title = t('extName');
const root = document.getElementById('app')!;
// The cleaning starts first; the popup's UI (its exports, editors, converters) loads while the page is read.
const first = startCleaning();
render(<p class="status">{t('cleaning')}</p>, root);
import('./App').then(({ App }) => render(<App first={first} />, root));
