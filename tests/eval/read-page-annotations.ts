import type { Page } from 'playwright-core';
import { findAnnotationElements } from '../e2e/harness/annotation-elements';

/** One annotation read through the DOM contract, placed in the page's visible text. */
export interface PageAnnotation {
  /** Code-point offset in the visible text; null when the annotation is not inside a <p>. */
  start: number | null;
  text: string;
  kind: string;
  /** Entity ids, best first. */
  ids: string[];
}

/** What the page reports: paragraph texts and, per annotation, its paragraph and UTF-16 offset in it. */
export interface RawPageAnnotations {
  paragraphs: string[];
  annotations: { paragraph: number; offset: number; text: string; kind: string; ids: string }[];
}

/**
 * Reads every annotation with its place in the visible text as the corpus defines it:
 * the text content of the <p> elements joined with "\n".
 */
export async function readPageAnnotations(page: Page): Promise<PageAnnotation[]> {
  const elements = await findAnnotationElements(page);
  try {
    // No named inner functions here: see findAnnotationElements.
    const raw: RawPageAnnotations = await elements.evaluate((list) => {
      const paragraphs = [...document.querySelectorAll('p')];
      const annotations = list.map((element) => {
        const paragraph = element.closest('p');
        let offset = -1;
        if (paragraph) {
          const before = document.createRange();
          before.setStart(paragraph, 0);
          before.setEndBefore(element);
          offset = before.toString().length;
        }
        return {
          paragraph: paragraph ? paragraphs.indexOf(paragraph) : -1,
          offset,
          text: element.textContent ?? '',
          kind: element.getAttribute('data-ti-kind') ?? '',
          ids: element.getAttribute('data-ti-id') ?? '',
        };
      });
      return { paragraphs: paragraphs.map((paragraph) => paragraph.textContent ?? ''), annotations };
    });
    return placeInVisibleText(raw);
  } finally {
    await elements.dispose();
  }
}

/** Turns paragraph-relative UTF-16 offsets into code-point offsets in the joined visible text. */
export function placeInVisibleText({ paragraphs, annotations }: RawPageAnnotations): PageAnnotation[] {
  const paragraphStarts: number[] = [];
  let utf16Start = 0;
  for (const paragraph of paragraphs) {
    paragraphStarts.push(utf16Start);
    utf16Start += paragraph.length + 1;
  }
  const visibleText = paragraphs.join('\n');
  return annotations.map(({ paragraph, offset, text, kind, ids }) => {
    const paragraphStart = paragraphStarts[paragraph];
    const start =
      paragraphStart === undefined ? null : codePointLength(visibleText.slice(0, paragraphStart + offset));
    return { start, text, kind, ids: ids.split(/\s+/).filter(Boolean) };
  });
}

function codePointLength(text: string): number {
  return Array.from(text).length;
}
