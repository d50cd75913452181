/**
 * The host name whose site-list entry governs a frame: the tab's top-level page, which is
 * what the popup's on/off switch names. A frame learns it from `location.ancestorOrigins`
 * (Chromium: readable in cross-origin and sandboxed frames too) or, failing that, from a
 * top window of its own origin; otherwise (a cross-origin frame in Firefox) it falls back to
 * its own host name.
 */
export function pageSiteHostname(win: Window): string {
  const origins = win.location.ancestorOrigins;
  if (origins && origins.length > 0) {
    const hostname = hostnameOf(origins[origins.length - 1]!);
    if (hostname !== undefined) return hostname;
  }
  try {
    return win.top?.location.hostname ?? win.location.hostname;
  } catch {
    return win.location.hostname; // a cross-origin top
  }
}

function hostnameOf(origin: string): string | undefined {
  try {
    return new URL(origin).hostname;
  } catch {
    return undefined; // "null": an opaque origin
  }
}
