import type { NodeTemplate } from './templates';

/** One node of the tree Taro's runtime keeps in a page's data (`root.cn[…]`). */
export interface TaroDataNode {
  /** Node kind: names the template that draws it. */
  nn: string;
  sid?: string;
  uid?: string;
  /** Text of a text node. */
  v?: string;
  /** Children. */
  cn?: TaroDataNode[];
  cl?: string;
  [prop: string]: unknown;
}

/** A node as a test sees it: the data node, the element drawn for it, and its ancestors. */
export interface PageNode {
  data: TaroDataNode;
  tag: string;
  /** The id the platform gives the element (`uid || sid`), as the template writes it. */
  id: string;
  /** Ancestors, nearest first. */
  ancestors: TaroDataNode[];
}

/**
 * Applies one `setData` call as the platform does: each key is a path into the data (`root.cn.[0].v`,
 * `root.cn[2]`), and its value replaces what is there.
 */
export function applySetData(target: Record<string, unknown>, patch: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(patch)) {
    const parts = key
      .replace(/\[(\d+)\]/g, '.$1')
      .split('.')
      .filter((part) => part !== '');
    let cursor: Record<string, unknown> = target;
    for (const [index, part] of parts.entries()) {
      if (index === parts.length - 1) {
        cursor[part] = value;
        break;
      }
      const next = cursor[part];
      if (next === null || typeof next !== 'object') {
        cursor[part] = /^\d+$/.test(parts[index + 1]) ? [] : {};
      }
      cursor = cursor[part] as Record<string, unknown>;
    }
  }
}

/** Every node of the tree in document order, with the element its template draws. */
export function* walk(root: TaroDataNode, templates: Map<string, NodeTemplate>): Generator<PageNode> {
  const stack: Array<{ node: TaroDataNode; ancestors: TaroDataNode[] }> = [
    ...(root.cn ?? []).map((node) => ({ node, ancestors: [root] })),
  ].reverse();
  while (stack.length > 0) {
    const { node, ancestors } = stack.pop()!;
    const tag = templates.get(String(node.nn))?.tag ?? `unknown:${String(node.nn)}`;
    yield { data: node, tag, id: String(node.uid ?? node.sid ?? ''), ancestors };
    const children = node.cn ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({ node: children[i], ancestors: [node, ...ancestors] });
    }
  }
}

/** The text of a node and its descendants, in document order, joined without separators. */
export function textOf(node: TaroDataNode, templates: Map<string, NodeTemplate>): string {
  if (templates.get(String(node.nn))?.tag === '#text') return String(node.v ?? '');
  return (node.cn ?? []).map((child) => textOf(child, templates)).join('');
}

/** The value the element shows for an attribute (`value`, `placeholder`), read through its template. */
export function attributeOf(node: TaroDataNode, templates: Map<string, NodeTemplate>, name: string): unknown {
  const key = templates.get(String(node.nn))?.attributes.get(name);
  return key === undefined ? undefined : node[key];
}
