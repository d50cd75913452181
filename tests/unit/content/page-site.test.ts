import { describe, expect, it } from 'vitest';
import { pageSiteHostname } from '../../../utils/content/page-site';

/** A window as pageSiteHostname sees it: its location, and a top window that may be cross-origin. */
function frameWindow(own: string, options: { ancestors?: string[]; top?: string | 'cross-origin' } = {}): Window {
  const location = { hostname: own, ancestorOrigins: options.ancestors } as unknown as Location;
  const win = { location } as { location: Location; top?: unknown };
  if (options.top === 'cross-origin') {
    win.top = { get location(): Location { throw new DOMException('Blocked a frame', 'SecurityError'); } };
  } else {
    win.top = options.top === undefined ? win : { location: { hostname: options.top } };
  }
  return win as unknown as Window;
}

describe('the site a frame belongs to', () => {
  it('is the page itself for a top-level page', () => {
    expect(pageSiteHostname(frameWindow('www.example.com'))).toBe('www.example.com');
  });

  it('is the top page for a cross-origin or sandboxed frame, from ancestorOrigins (Chromium)', () => {
    expect(pageSiteHostname(frameWindow('ads.other.net', { ancestors: ['https://cdn.example.com', 'https://news.example.com'], top: 'cross-origin' }))).toBe('news.example.com');
    expect(pageSiteHostname(frameWindow('', { ancestors: ['https://blog.vendor.com'], top: 'cross-origin' }))).toBe('blog.vendor.com');
  });

  it('is the top page for a same-origin frame without ancestorOrigins (Firefox)', () => {
    expect(pageSiteHostname(frameWindow('', { top: 'intel.example.org' }))).toBe('intel.example.org');
  });

  it('falls back to the frame itself when nothing tells the top page', () => {
    expect(pageSiteHostname(frameWindow('widget.other.net', { top: 'cross-origin' }))).toBe('widget.other.net');
    expect(pageSiteHostname(frameWindow('widget.other.net', { ancestors: ['null'], top: 'cross-origin' }))).toBe('widget.other.net');
  });
});
