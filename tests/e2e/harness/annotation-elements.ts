import type { JSHandle, Page } from 'playwright-core';

/** The DOM contract: every annotation is one element carrying both attributes. */
export const annotationSelector = '[data-ti-kind][data-ti-id]';

/**
 * All annotation elements of the page, in the document and in every open shadow root.
 * The in-page function must stay free of named inner functions: tsx compiles those with a
 * `__name` helper that does not exist in the page.
 */
export function findAnnotationElements(page: Page): Promise<JSHandle<Element[]>> {
  return page.evaluateHandle((selector) => {
    const found: Element[] = [];
    const roots: ParentNode[] = [document];
    for (let root = roots.pop(); root; root = roots.pop()) {
      for (const element of root.querySelectorAll('*')) {
        if (element.matches(selector)) found.push(element);
        if (element.shadowRoot) roots.push(element.shadowRoot);
      }
    }
    return found;
  }, annotationSelector);
}

export async function countAnnotations(page: Page): Promise<number> {
  const elements = await findAnnotationElements(page);
  try {
    return await elements.evaluate((list) => list.length);
  } finally {
    await elements.dispose();
  }
}
