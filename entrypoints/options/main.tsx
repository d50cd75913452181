import { render } from 'preact';
import { OptionsApp } from './options-app';
import '../../components/styles/extension-page.css';
import './options.css';

render(<OptionsApp />, document.getElementById('app')!);
