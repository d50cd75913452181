import { render } from 'preact';
import { LookupApp } from './lookup-app';
import '../../components/styles/extension-page.css';
import './lookup.css';

render(<LookupApp />, document.getElementById('app')!);
