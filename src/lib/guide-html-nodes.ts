import { allowedAttributeValue, DROP_WITH_CONTENT, isGuideElement } from './guide-html-policy';

/** A node for <RichText nodes={…}>: the shape Taro and the mini-programs share. */
export type GuideNode =
  { type: 'text'; text: string } | { name: string; attrs: Record<string, string>; children: GuideNode[] };

// DOM node types, spelled out: Node.ELEMENT_NODE is not on every global the tests run in.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function convert(nodes: NodeListOf<ChildNode>, out: GuideNode[]): GuideNode[] {
  nodes.forEach((node) => {
    if (node.nodeType === TEXT_NODE) {
      out.push({ type: 'text', text: node.nodeValue ?? '' });
      return;
    }
    // Comments, processing instructions and the like carry no guide text.
    if (node.nodeType !== ELEMENT_NODE) return;
    const element = node as Element;
    const name = element.localName;
    if (DROP_WITH_CONTENT.has(name)) return;
    if (!isGuideElement(name)) {
      // An element outside the list (div, font, img…) goes; its text stays, as in the mini-programs.
      convert(element.childNodes, out);
      return;
    }
    const attrs: Record<string, string> = {};
    for (const attribute of Array.from(element.attributes)) {
      const value = allowedAttributeValue(name, attribute.name, attribute.value);
      if (value !== undefined) attrs[attribute.name] = value;
    }
    out.push({ name, attrs, children: convert(element.childNodes, []) });
  });
  return out;
}

/**
 * H5's guide HTML sanitiser. The browser's own parser reads the HTML into an inert <template>
 * (nothing in it runs or loads), and only allowed elements and attributes are copied out as
 * RichText nodes, which Taro builds with createElement and text nodes. Nothing is serialised and
 * parsed again, so markup cannot change meaning on the way (mutation XSS), and no HTML parser is
 * downloaded: the mini-programs' string sanitiser (xss) is about 7 KB gzip of the guide's first load.
 */
export function guideHtmlToNodes(html: string, doc: Document = document): GuideNode[] {
  const template = doc.createElement('template');
  template.innerHTML = html;
  return convert(template.content.childNodes, []);
}
