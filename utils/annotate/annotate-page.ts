import { startAnnotator, type Annotator, type AnnotatorOptions } from './annotator';
import { isScannedByParentFrame } from './frames';

/**
 * Starts the annotator for a frame's content script instance: for the top document and
 * for frames whose parent cannot read them. A frame the parent can read (same-origin,
 * about:blank, srcdoc) is left to the parent's annotator, which scans it with its own
 * observer and stylesheet, so no text is scanned by two instances.
 */
export function annotatePage(win: Window, options: AnnotatorOptions): Annotator | undefined {
  if (isScannedByParentFrame(win)) return undefined;
  return startAnnotator(win.document, options);
}
