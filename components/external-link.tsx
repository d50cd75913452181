import type { ComponentChildren } from 'preact';
import { safeHttpUrl } from '../data/text/rich-text';

/** A link to the web in a new tab; plain text when the URL is not http(s). */
export function ExternalLink({ url, children }: { url: string; children: ComponentChildren }) {
  const href = safeHttpUrl(url);
  if (!href) return <span>{children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}
