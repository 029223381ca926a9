import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compileWeapp, renderedText, type WxmlNode, type WxmlRenderer } from './runtime/wxml-renderer';

const DIST = path.resolve(__dirname, '../../dist/weapp');

// Template numbers (`nn`) come from Taro's build, so they are read from base.wxml rather than written in.
function baseWxml(): string {
  return readFileSync(path.join(DIST, 'base.wxml'), 'utf8');
}

const DEPTH_0_TEMPLATE = /<template name="tmpl_0_(\d+)">\s*<([\w-]+)([^>]*)>/g;

/** The `nn` whose depth-0 template draws `<tag>` without event bindings (Taro's static element). */
function staticKind(tag: string): string {
  for (const [, nn, element, attributes] of baseWxml().matchAll(DEPTH_0_TEMPLATE)) {
    if (element === tag && !/\s(bind|catch)[\w:]*=/.test(attributes)) return nn;
  }
  throw new Error(`base.wxml has no template drawing a static <${tag}>`);
}

function textNodeKind(): string {
  const nn = /<template name="tmpl_0_(\d+)">\s*<block>\{\{i\.v\}\}<\/block>/.exec(baseWxml())?.[1];
  if (nn === undefined) throw new Error('base.wxml has no text-node template');
  return nn;
}

/** The tree's tags, e.g. `page(view(#text,text(#text)))`. */
function outline(node: WxmlNode): string {
  return node.children.length === 0 ? node.tag : `${node.tag}(${node.children.map(outline).join(',')})`;
}

function find(node: WxmlNode, tag: string): WxmlNode | undefined {
  if (node.tag === tag) return node;
  for (const child of node.children) {
    const found = find(child, tag);
    if (found) return found;
  }
  return undefined;
}

function pagesOf(appJson: { pages: string[]; subPackages?: Array<{ root: string; pages: string[] }> }): string[] {
  return [
    ...appJson.pages,
    ...(appJson.subPackages ?? []).flatMap((pkg) => pkg.pages.map((page) => path.posix.join(pkg.root, page))),
  ];
}

describe('WXML renderer over dist/weapp', () => {
  let renderer: WxmlRenderer;
  let VIEW: string;
  let TEXT: string;
  let TEXT_NODE: string;

  beforeAll(() => {
    if (!existsSync(path.join(DIST, 'base.wxml'))) throw new Error(`${DIST} is not built: run npm run build:weapp`);
    renderer = compileWeapp(DIST);
    VIEW = staticKind('view');
    TEXT = staticKind('text');
    TEXT_NODE = textNodeKind();
  });

  it('renders a hand-built Taro tree on the home page: tags, attributes and text', () => {
    const tree = renderer.render('search/home/index', {
      root: {
        cn: [
          {
            nn: VIEW,
            sid: '_n_1',
            cl: 'card',
            cn: [
              { nn: TEXT_NODE, sid: '_n_2', v: '办事指南' },
              {
                nn: TEXT,
                sid: '_n_3',
                cn: [
                  { nn: TEXT_NODE, sid: '_n_4', v: '洪山区' },
                  { nn: TEXT_NODE, sid: '_n_5', v: ' 政务服务' },
                ],
              },
            ],
          },
        ],
      },
    });

    expect(outline(tree)).toBe('page(view(#text,text(#text,#text)))');
    expect(tree.children[0].attr).toMatchObject({ class: 'card', id: '_n_1', 'data-sid': '_n_1' });
    expect(tree.children[0].children[0]).toEqual({ tag: '#text', attr: {}, children: [], text: '办事指南' });
    expect(renderedText(tree)).toEqual(['办事指南', '洪山区 政务服务']);
  });

  it('throws, naming the template, when a node names one base.wxml lacks', () => {
    const missing = '999';
    expect(baseWxml()).not.toContain(`tmpl_0_${missing}"`);
    const top = { root: { cn: [{ nn: missing, sid: '_n_1' }] } };
    const nested = { root: { cn: [{ nn: VIEW, sid: '_n_1', cn: [{ nn: missing, sid: '_n_2' }] }] } };

    expect(() => renderer.render('search/home/index', top)).toThrow(/Template `tmpl_0_999` not found/);
    expect(() => renderer.render('search/home/index', nested)).toThrow(/Template `tmpl_0_999` not found/);
  });

  it('renders every page of app.json with an empty tree', () => {
    const appJson = JSON.parse(readFileSync(path.join(DIST, 'app.json'), 'utf8')) as Parameters<typeof pagesOf>[0];
    const pages = pagesOf(appJson);
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) {
      expect(renderer.render(page, { root: { cn: [] } })).toEqual({ tag: 'page', attr: {}, children: [] });
    }
  });

  it('follows a tree deeper than base.wxml into the comp component', () => {
    let node: Record<string, unknown> = { nn: TEXT_NODE, sid: 'leaf', v: '最深处' };
    for (let depth = 20; depth > 0; depth--) node = { nn: VIEW, sid: `_n_${depth}`, cn: [node] };
    const tree = renderer.render('search/home/index', { root: { cn: [node] } });

    const comp = find(tree, 'comp');
    expect(comp?.attr).toMatchObject({ i: { nn: VIEW } });
    expect(comp && find(comp, 'view')).toBeDefined();
    expect(renderedText(tree)).toEqual(['最深处']);
  });

  it('compiles once per folder and leaves the test realm alone', () => {
    expect(compileWeapp(`${DIST}/`)).toBe(renderer);
    expect('$gwx' in globalThis).toBe(false);
    expect('window' in globalThis).toBe(false);
  });
});

describe('WXML renderer over a hand-written folder', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'wxml-renderer-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("throws with wcc's message on a compile error", () => {
    writeFileSync(path.join(dir, 'bad.wxml'), '<view><text>unclosed</view>');
    expect(() => compileWeapp(dir)).toThrow(/bad\.wxml:1:\d+: expect end-tag `text`/);
  });

  it('throws when a WXS function throws, instead of rendering its result as empty', () => {
    writeFileSync(path.join(dir, 'u.wxs'), 'module.exports = { deep: function (x) { return x.y.z } }');
    writeFileSync(path.join(dir, 'p.wxml'), '<wxs module="u" src="./u.wxs" />\n<view>{{u.deep(a)}}</view>');
    const local = compileWeapp(dir);

    expect(local.render('p', { a: { y: { z: 'ok' } } }).children[0].children[0].text).toBe('ok');
    expect(() => local.render('p', { a: {} })).toThrow(/Cannot read properties of undefined \(reading 'z'\)/);
  });

  it('reads the text of rich-text nodes, as an HTML string or a node array', () => {
    writeFileSync(path.join(dir, 'r.wxml'), '<rich-text nodes="{{html}}" /><rich-text nodes="{{list}}" />');
    const tree = compileWeapp(dir).render('r', {
      html: '<p>材料&amp;证件</p><p> </p><b>一</b>二',
      list: [{ name: 'p', attrs: {}, children: [{ type: 'text', text: '窗口&lt;3&gt;' }] }],
    });

    expect(outline(tree)).toBe('page(rich-text,rich-text)');
    expect(renderedText(tree)).toEqual(['材料&证件', '一', '二', '窗口<3>']);
  });
});
