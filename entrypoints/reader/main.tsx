import { render } from 'preact';
import { ReaderApp } from './ReaderApp';
import './reader.css';

render(<ReaderApp />, document.getElementById('app')!);
