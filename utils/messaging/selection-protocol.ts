import { defineExtensionMessaging } from '@webext-core/messaging';

/**
 * Content script -> background: the page's current text selection, so the context menu can
 * title itself for it ("Look up T1566.001"). To merge into ProtocolMap (protocol.ts) as
 * `selectionChanged(data: { text: string }): void;`, then use `messenger` instead.
 */
export interface SelectionProtocolMap {
  selectionChanged(data: { text: string }): void;
}

export const selectionMessenger = defineExtensionMessaging<SelectionProtocolMap>();

/** The selection text of a message, or undefined when the message is not one. */
export function parseSelectionMessage(data: unknown): string | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const { text } = data as { text?: unknown };
  return typeof text === 'string' && text.length <= 1000 ? text : undefined;
}
