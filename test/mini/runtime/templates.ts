import { readFileSync } from 'node:fs';
import path from 'node:path';

export type Platform = 'weapp' | 'alipay';

/** What the base template of one node kind (`nn`) draws. */
export interface NodeTemplate {
  /** The element it draws (`view`, `text`, `input`, …), or `#text` for a text node. */
  tag: string;
  /** Events it binds to the page's `eh`, lower-case (`tap`, `input`, `touchstart`), and whether with catch. */
  events: Map<string, 'bind' | 'catch'>;
  /** Element attribute → the node's data key that fills it (`value` → `p25`). */
  attributes: Map<string, string>;
}

export const baseTemplateFile = (platform: Platform) => (platform === 'weapp' ? 'base.wxml' : 'base.axml');

function parseElement(tag: string, attributeSource: string, platform: Platform): NodeTemplate {
  const events = new Map<string, 'bind' | 'catch'>();
  const attributes = new Map<string, string>();
  const attributePattern = /([\w:-]+)="([^"]*)"/g;
  for (const [, name, value] of attributeSource.matchAll(attributePattern)) {
    if (value === 'eh') {
      const match = platform === 'weapp' ? /^(bind|catch):?(\w+)$/.exec(name) : /^(on|catch)([A-Z]\w*)$/.exec(name);
      if (match) events.set(match[2].toLowerCase(), match[1] === 'catch' ? 'catch' : 'bind');
      continue;
    }
    const key = /\{\{[^}]*\bi\.(\w+)/.exec(value)?.[1];
    if (key) attributes.set(name, key);
  }
  return { tag, events, attributes };
}

/**
 * Reads the generated base template: for each node kind Taro's runtime can name (`tmpl_0_<nn>`),
 * the element it draws and the events that element sends to the page. Inputs are drawn by a
 * `_focus` / `_blur` pair; the `_blur` one stands for the kind.
 */
export function readNodeTemplates(distDir: string, platform: Platform): Map<string, NodeTemplate> {
  const source = readFileSync(path.join(distDir, baseTemplateFile(platform)), 'utf8');
  const templates = new Map<string, NodeTemplate>();
  const templatePattern = /<template name="tmpl_0_(\w+)">\s*<([\w-]+)((?:[^>"]|"[^"]*")*)>\s*(\{\{i\.v\}\})?/g;
  for (const [, name, tag, attributeSource, textValue] of source.matchAll(templatePattern)) {
    if (tag === 'template') continue;
    const kind = name.replace(/_blur$/, '');
    if (name.endsWith('_focus')) continue;
    templates.set(
      kind,
      textValue !== undefined && tag === 'block'
        ? parseElement('#text', '', platform)
        : parseElement(tag, attributeSource, platform),
    );
  }
  return templates;
}

/** Names of every template the base file defines (for the static check of what data can name). */
export function definedTemplateNames(distDir: string, platform: Platform): Set<string> {
  const source = readFileSync(path.join(distDir, baseTemplateFile(platform)), 'utf8');
  return new Set([...source.matchAll(/<template name="([\w-]+)"/g)].map((m) => m[1]));
}
