import type { AnnotationKind } from '../matcher/table';
import { MENTION_TAG } from './mention-tag';
import { dom } from './natives';

export { MENTION_TAG };

/** What a mention needs from a match: its text, kind and candidate ids (best first). */
export interface MentionSpec {
  text: string;
  kind: AnnotationKind;
  ids: readonly string[];
  /** Highlight look other than the default underline (the user's highlight-style setting). */
  look?: MentionLook;
}

export type MentionLook = 'underline' | 'background' | 'subtle';

const kindLabels: Record<AnnotationKind, string> = {
  actor: 'Threat actor',
  technique: 'ATT&CK technique',
  software: 'Software',
  campaign: 'Campaign',
  tactic: 'ATT&CK tactic',
};

export function mentionLabel(kind: AnnotationKind, text: string): string {
  return `${kindLabels[kind]}: ${text}`;
}

export function isMentionElement(node: Node): node is Element {
  return node.nodeType === 1 && (node as Element).localName === MENTION_TAG;
}

/** Builds `<ti-mention data-ti-kind data-ti-id tabindex=0 role=button aria-label>text</ti-mention>`. */
export function createMention(doc: Document, spec: MentionSpec): { element: HTMLElement; text: Text } {
  const element = dom.createElement(doc, MENTION_TAG);
  dom.setAttribute(element, 'data-ti-kind', spec.kind);
  dom.setAttribute(element, 'data-ti-id', spec.ids.join(' '));
  dom.setAttribute(element, 'tabindex', '0');
  dom.setAttribute(element, 'role', 'button');
  dom.setAttribute(element, 'aria-label', mentionLabel(spec.kind, spec.text));
  if (spec.look && spec.look !== 'underline') dom.setAttribute(element, 'data-ti-look', spec.look);
  const text = dom.createTextNode(doc, spec.text);
  dom.appendChild(element, text);
  return { element, text };
}
