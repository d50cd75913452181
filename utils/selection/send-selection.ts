import { messenger } from '../messaging/protocol';
import { reportSelectionChanges } from './report-selection';

/**
 * Content-script wiring (one call from the content loader): tells the background each
 * settled selection. A background that is restarting or gone is not an error.
 */
export function sendSelectionChanges(signal: AbortSignal): void {
  reportSelectionChanges((text) => {
    messenger.sendMessage('selectionChanged', { text }).catch(() => {});
  }, signal);
}
