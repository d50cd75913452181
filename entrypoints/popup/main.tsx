import { render } from 'preact';
import { PopupApp } from './popup-app';
import './popup.css';

render(<PopupApp />, document.getElementById('app')!);
