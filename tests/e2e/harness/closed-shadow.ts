import type { CDPSession, Page } from 'playwright-core';

/**
 * Reading what the hover card shows. The card lives in a closed shadow root, which neither
 * the page nor Playwright's locators can enter; Chromium's DevTools protocol can: DOM with
 * `pierce: true` returns closed shadow roots too, and the accessibility tree is computed on
 * the flattened tree. Chromium only.
 */

interface CdpNode {
  nodeType: number;
  localName: string;
  nodeValue: string;
  backendNodeId: number;
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
  contentDocument?: CdpNode;
}

async function withCdp<T>(page: Page, use: (cdp: CDPSession) => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return await use(cdp);
  } finally {
    await cdp.detach().catch(() => {});
  }
}

function findByTag(node: CdpNode, tag: string): CdpNode | undefined {
  if (node.nodeType === 1 && node.localName === tag) return node;
  const inside = [...(node.shadowRoots ?? []), ...(node.children ?? []), ...(node.contentDocument ? [node.contentDocument] : [])];
  for (const child of inside) {
    const found = findByTag(child, tag);
    if (found) return found;
  }
  return undefined;
}

/** Rendered-ish text under a node: text nodes, shadow roots first, without style and script. */
function textOf(node: CdpNode): string {
  if (node.nodeType === 3) return node.nodeValue;
  if (node.localName === 'style' || node.localName === 'script') return '';
  return [...(node.shadowRoots ?? []), ...(node.children ?? [])].map(textOf).join('');
}

export interface ShadowContent {
  /** 'open' or 'closed' for each shadow root of the host. */
  shadowRootTypes: string[];
  /** The text inside the host's shadow roots (style elements left out). */
  text: string;
}

/**
 * The first `<tag>` of the page (in document order; light DOM, shadow roots and frame
 * documents the DevTools protocol can pierce) and its shadow content, or null.
 */
export function readShadowContent(page: Page, tag: string): Promise<ShadowContent | null> {
  return withCdp(page, async (cdp) => {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: CdpNode };
    const host = findByTag(root, tag);
    if (!host) return null;
    return {
      shadowRootTypes: (host.shadowRoots ?? []).map((r) => r.shadowRootType ?? ''),
      text: (host.shadowRoots ?? []).map(textOf).join(''),
    };
  });
}

export interface AxNode {
  role: string;
  name: string;
  focused: boolean;
  /** Roles of its ancestors, nearest first. */
  ancestors: { role: string; name: string }[];
}

interface RawAxNode {
  nodeId: string;
  parentId?: string;
  ignored?: boolean;
  role?: { value?: unknown };
  name?: { value?: unknown };
  properties?: { name: string; value: { value?: unknown } }[];
}

/** The page's accessibility tree (ignored nodes left out), each node with its ancestors. */
export function accessibilityNodes(page: Page): Promise<AxNode[]> {
  return withCdp(page, async (cdp) => {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree', {})) as unknown as { nodes: RawAxNode[] };
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const roleOf = (n: RawAxNode) => String(n.role?.value ?? '');
    const nameOf = (n: RawAxNode) => String(n.name?.value ?? '');
    return nodes
      .filter((n) => !n.ignored)
      .map((n) => {
        const ancestors: { role: string; name: string }[] = [];
        for (let p = n.parentId ? byId.get(n.parentId) : undefined; p; p = p.parentId ? byId.get(p.parentId) : undefined) {
          if (!p.ignored) ancestors.push({ role: roleOf(p), name: nameOf(p) });
        }
        const focused = n.properties?.some((prop) => prop.name === 'focused' && prop.value.value === true) ?? false;
        return { role: roleOf(n), name: nameOf(n), focused, ancestors };
      });
  });
}
