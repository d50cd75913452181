import type { SiteListMode } from './settings';

/**
 * A host name as the site list stores it: lower case, no scheme, port, path, trailing dot or
 * leading "*."; undefined when the text is not a host name. Accepts a pasted URL.
 */
export function normalizeHostname(text: string): string | undefined {
  let host = text.trim().toLowerCase();
  if (host.includes('://')) {
    try {
      host = new URL(host).hostname;
    } catch {
      return undefined;
    }
  }
  host = host.replace(/^\*\./, '').replace(/[/?#].*$/, '').replace(/:\d+$/, '').replace(/\.$/, '');
  return /^(?=.{1,253}$)[a-z0-9-]+(?:\.[a-z0-9-]+)*$/.test(host) || /^\[[0-9a-f:.]+\]$/.test(host) ? host : undefined;
}

/** Whether a list entry covers a host: the same host or one of its subdomains. */
export function coversHost(entry: string, hostname: string): boolean {
  return hostname === entry || hostname.endsWith(`.${entry}`);
}

/**
 * Whether pages on `hostname` may be annotated. Deny mode: everywhere but the listed sites;
 * allow mode: only the listed sites. Pages without a host name (files) count as unlisted.
 */
export function isSiteEnabled(hostname: string, mode: SiteListMode, list: readonly string[]): boolean {
  const host = normalizeHostname(hostname) ?? '';
  const listed = host !== '' && list.some((entry) => coversHost(entry, host));
  return mode === 'deny' ? !listed : listed;
}

/**
 * The site list after turning annotation on or off for one host: adds the host, or removes
 * every entry covering it (so "example.com" listed also stops "www.example.com").
 */
export function setSiteEnabled(hostname: string, enabled: boolean, mode: SiteListMode, list: readonly string[]): string[] {
  const host = normalizeHostname(hostname);
  if (!host) return [...list];
  const listIt = mode === 'deny' ? !enabled : enabled;
  if (!listIt) return list.filter((entry) => !coversHost(entry, host));
  return list.some((entry) => coversHost(entry, host)) ? [...list] : [...list, host];
}

/** The site list from free text (one host per line or separated by commas/spaces), deduplicated, invalid entries dropped. */
export function parseSiteList(text: string): { hosts: string[]; invalid: string[] } {
  const hosts: string[] = [];
  const invalid: string[] = [];
  for (const part of text.split(/[\s,]+/).filter(Boolean)) {
    const host = normalizeHostname(part);
    if (!host) invalid.push(part);
    else if (!hosts.includes(host)) hosts.push(host);
  }
  return { hosts, invalid };
}
