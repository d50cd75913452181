import { render } from 'preact';
import { PopupApp } from './popup-app';
import '../../components/styles/extension-page.css';
import './popup.css';

render(<PopupApp />, document.getElementById('app')!);
