import { render } from 'preact';
import { t } from '../../platform/i18n';
import { App } from './App';
import './style.css';

// The page's own title in the reader's language (the HTML's is the manifest placeholder).
document.title = t('extName');
render(<App />, document.getElementById('app')!);
