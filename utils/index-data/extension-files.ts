import { browser } from 'wxt/browser';
import type { JsonFileReader } from './details-store';

/** Reads a JSON file packaged with the extension (never the network: extension URLs only). */
export const readPackagedJson: JsonFileReader = async (path) => {
  const response = await fetch(browser.runtime.getURL(`/${path}` as '/'));
  if (!response.ok) throw new Error(`Cannot read packaged file ${path}: ${response.status}`);
  return response.json();
};
