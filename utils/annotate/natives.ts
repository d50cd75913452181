/**
 * Window and DOM functions captured when this module is first evaluated, so a page that
 * replaces `setTimeout`, `MutationObserver` or `Node.prototype` methods in its own world
 * cannot break the scanner. (Content scripts already run in an isolated world in Chrome and
 * behind Xray wrappers in Firefox; this is a cheap second line of defence.)
 *
 * Guarded with `typeof` checks because WXT evaluates entrypoint imports in Node at build time.
 */

import { captureScheduling, type Scheduling } from './scheduling';

const apply = Reflect.apply;

const nodeProto = typeof Node === 'undefined' ? undefined : Node.prototype;
const documentProto = typeof Document === 'undefined' ? undefined : Document.prototype;
const elementProto = typeof Element === 'undefined' ? undefined : Element.prototype;
const characterDataProto = typeof CharacterData === 'undefined' ? undefined : CharacterData.prototype;

const methods = {
  appendChild: nodeProto?.appendChild,
  insertBefore: nodeProto?.insertBefore,
  replaceChild: nodeProto?.replaceChild,
  removeChild: nodeProto?.removeChild,
  createElement: documentProto?.createElement,
  createTextNode: documentProto?.createTextNode,
  createDocumentFragment: documentProto?.createDocumentFragment,
  createTreeWalker: documentProto?.createTreeWalker,
  setAttribute: elementProto?.setAttribute,
  setData: characterDataProto && Object.getOwnPropertyDescriptor(characterDataProto, 'data')?.set,
};

function call<T>(fn: ((...args: never[]) => unknown) | undefined, self: unknown, args: unknown[]): T {
  if (!fn) throw new Error('DOM API unavailable');
  return apply(fn, self, args) as T;
}

export const dom = {
  appendChild: (parent: Node, child: Node): void => call(methods.appendChild, parent, [child]),
  /** `before` null appends. */
  insertBefore: (parent: Node, child: Node, before: Node | null): void =>
    call(methods.insertBefore, parent, [child, before]),
  replaceChild: (parent: Node, replacement: Node, old: Node): void =>
    call(methods.replaceChild, parent, [replacement, old]),
  removeChild: (parent: Node, child: Node): void => call(methods.removeChild, parent, [child]),
  createElement: (doc: Document, tag: string): HTMLElement =>
    call(methods.createElement, doc, [tag]),
  createTextNode: (doc: Document, text: string): Text => call(methods.createTextNode, doc, [text]),
  createDocumentFragment: (doc: Document): DocumentFragment =>
    call(methods.createDocumentFragment, doc, []),
  createTreeWalker: (doc: Document, root: Node, whatToShow: number, filter: NodeFilter): TreeWalker =>
    call(methods.createTreeWalker, doc, [root, whatToShow, filter]),
  setAttribute: (el: Element, name: string, value: string): void =>
    call(methods.setAttribute, el, [name, value]),
  /** `text.data = value` through the native CharacterData setter. */
  setData: (text: CharacterData, value: string): void => call(methods.setData, text, [value]),
};

/** Captured at module evaluation; undefined outside a browser (e.g. WXT's build-time import). */
export const initialScheduling: Scheduling | undefined =
  typeof window === 'undefined' ? undefined : captureScheduling(window);
