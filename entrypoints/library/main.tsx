import { render } from 'preact';
import { useDictionaries } from '../../lib/convert/load';
import { extensionDictionaries } from '../../platform/dictionaries';
import { LibraryApp } from './LibraryApp';
import './library.css';

// The search in either script loads the dictionaries on its first query.
useDictionaries(extensionDictionaries);
render(<LibraryApp />, document.getElementById('app')!);
