/** The document of a same-origin (or about:blank / srcdoc) frame, or null if not readable. */
export function accessibleFrameDocument(frame: HTMLIFrameElement | HTMLFrameElement): Document | null {
  try {
    const doc = frame.contentDocument;
    // Reading a property proves access; cross-origin frames throw or return null.
    return doc && doc.documentElement ? doc : null;
  } catch {
    return null;
  }
}

/**
 * True when this frame's parent can read it: the parent's annotator scans it (frames are
 * scanned from the top-most same-origin document), so this frame's own content script
 * instance should not scan it again. `frameElement` is null when the parent is cross-origin.
 */
export function isScannedByParentFrame(win: Window): boolean {
  try {
    return win !== win.parent && win.frameElement !== null;
  } catch {
    return false;
  }
}
