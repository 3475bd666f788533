import { render } from 'preact';
import { useDictionaries } from '../../lib/convert/load';
import { extensionDictionaries } from '../../platform/dictionaries';
import { OptionsApp } from './OptionsApp';
import './options.css';

// The phrase table's "try it" converts with the extension's own dictionaries, loaded when first typed into.
useDictionaries(extensionDictionaries);
render(<OptionsApp />, document.getElementById('app')!);
