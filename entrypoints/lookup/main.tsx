import { render } from 'preact';
import { LookupApp } from './lookup-app';
import './lookup.css';

render(<LookupApp />, document.getElementById('app')!);
