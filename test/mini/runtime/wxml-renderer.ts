import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import vm from 'node:vm';

/**
 * Renders the built WeChat mini-program's pages as the WeChat client would, without the client: the
 * official WXML compiler (`wcc`, shipped by the miniprogram-compiler package) turns every .wxml and
 * .wxs of the dist folder into one script defining `$gwx`, which runs in a vm context of its own;
 * `$gwx('page.wxml')(data, {}, {})` gives the virtual tree the client hands to its renderer.
 *
 * What `$gwx` returns (wcc v0.5vv_20200413): the root is `{ tag: 'wx-page', children }`; an element is
 * `{ tag: 'wx-<name>', attr, children, raw, generics }`; a text node is a bare string (a number if the
 * expression gave one). Blocks, `wx:for` and template calls are `virtual` nodes that the runtime
 * itself splices into their parent before returning. Attribute names are as the runtime stores them:
 * `data-*`, `bind*`, `catch*` verbatim, other hyphenated names camelCased (`hover-class` → `hoverClass`);
 * an attribute whose expression gave `undefined` is absent.
 */

export interface WxmlNode {
  /** Element name without wcc's `wx-` prefix (`view`, `text`, `rich-text`, `comp`), `page` for the root, `#text` for text. */
  tag: string;
  attr: Record<string, unknown>;
  children: WxmlNode[];
  /** Only on `#text` nodes. */
  text?: string;
}

export interface WxmlRenderer {
  /**
   * Renders page `pagePath` (e.g. 'search/home/index', no extension) with the page's current data (a
   * plain JSON-able object, e.g. { root: { cn: [...] } }). Throws an Error listing every problem the
   * compiled template runtime reported (e.g. "Template `tmpl_0_99` not found", or any warning/error it
   * logs) instead of silently rendering.
   *
   * A custom component (Taro's `comp`, which draws subtrees deeper than base.wxml's 15 levels) stays a
   * node with its tag and attributes, and gets as children what its own .wxml renders from those
   * attributes, so that text deep in a page is still seen.
   */
  render(pagePath: string, data: unknown): WxmlNode;
}

/** An element as `$gwx` builds it, once copied out of the vm context as JSON. */
interface RawElement {
  tag?: unknown;
  attr?: Record<string, unknown>;
  children?: unknown[];
}

type PageFunction = (data: unknown, dd: unknown, global: unknown) => unknown;
type Gwx = (file: string) => PageFunction | undefined;

/** What the runtime said during one load or render. */
interface Reports {
  /** console.warn / console.error calls and exceptions: each makes the render fail. */
  problems: string[];
  /** console.log calls: WXS `console.log` output, and the runtime's call stack before it rethrows. */
  notes: string[];
}

// A component including itself without end would otherwise recurse until the stack overflows.
const MAX_COMPONENT_NESTING = 64;

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

function wccBinary(): string {
  const root = path.dirname(require.resolve('miniprogram-compiler/package.json'));
  const relative =
    process.platform === 'darwin' ? 'mac/wcc' : process.platform === 'win32' ? 'windows/wcc.exe' : 'linux/wcc';
  const binary = path.join(root, 'bin', relative);
  // The npm tarball ships wcc without its executable bit (a fresh `npm ci` gives 0644); the package's
  // own wrapper sets it before each run, so this does too.
  if (process.platform !== 'win32') {
    try {
      accessSync(binary, constants.X_OK);
    } catch {
      chmodSync(binary, 0o755);
    }
  }
  return binary;
}

function readUsingComponents(distDir: string, wxmlFile: string): Record<string, string> {
  const jsonFile = path.join(distDir, wxmlFile.replace(/\.wxml$/, '.json'));
  if (!existsSync(jsonFile)) return {};
  const json = JSON.parse(readFileSync(jsonFile, 'utf8')) as { usingComponents?: Record<string, string> };
  return json.usingComponents ?? {};
}

/** `tag → component .wxml` for one file, from its .json; plugin and absent components are left out. */
function resolveComponents(
  wxmlFile: string,
  using: Record<string, string>,
  compiled: ReadonlySet<string>,
): Map<string, string> {
  const components = new Map<string, string>();
  for (const [tag, target] of Object.entries(using)) {
    const base = target.startsWith('/')
      ? path.posix.normalize(target.slice(1))
      : path.posix.join(path.posix.dirname(wxmlFile), target);
    const file = `${base}.wxml`;
    if (compiled.has(file)) components.set(tag, file);
  }
  return components;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  // Errors from the context are not `instanceof Error` here; WXS ones carry the .wxml position in their stack.
  if (typeof value === 'object' && value !== null && typeof (value as { stack?: unknown }).stack === 'string') {
    return (value as { stack: string }).stack;
  }
  // The runtime logs the whole page data before it rethrows: keep that short.
  const text = inspect(value, { depth: 2, breakLength: Infinity, maxArrayLength: 10, maxStringLength: 200 });
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity: string, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return named[body.toLowerCase()] ?? entity;
  });
}

/** Text shown by a rich-text's `nodes`: an HTML string or the node array; both decode entities on WeChat. */
function richTextRuns(nodes: unknown, out: string[]): void {
  if (typeof nodes === 'string') {
    for (const segment of nodes.split(/<[^>]*>/)) out.push(decodeEntities(segment));
    return;
  }
  if (!Array.isArray(nodes)) return;
  for (const node of nodes as unknown[]) {
    if (typeof node !== 'object' || node === null) continue;
    const { type, text, children } = node as { type?: unknown; text?: unknown; children?: unknown };
    if (type === 'text') out.push(decodeEntities(String(text ?? '')));
    else richTextRuns(children, out);
  }
}

/**
 * The visible text of a rendered tree in document order. Each entry is one run of adjacent sibling
 * text nodes joined with '' (Taro splits `{count} 件` into two text nodes that show as one), so an
 * element between two texts separates entries. A rich-text contributes each of its text nodes (or, for
 * an HTML string, the text between its tags) with entities decoded. Runs that are empty or only
 * whitespace are left out; the others are not trimmed.
 */
export function renderedText(node: WxmlNode): string[] {
  const runs: string[] = [];
  const visit = (current: WxmlNode): void => {
    if (current.tag === 'rich-text') richTextRuns(current.attr.nodes, runs);
    let run = '';
    for (const child of current.children) {
      if (child.tag === '#text') {
        run += child.text ?? '';
        continue;
      }
      runs.push(run);
      run = '';
      visit(child);
    }
    runs.push(run);
  };
  if (node.tag === '#text') runs.push(node.text ?? '');
  else visit(node);
  return runs.filter((run) => /\S/.test(run));
}

interface WccOutput {
  source: string;
  /** Every .wxml compiled, relative to the dist folder, with '/'. */
  wxml: string[];
  /** Each .wxml's `usingComponents`, from the .json beside it. */
  using: Map<string, Record<string, string>>;
}

function compileSource(distDir: string): WccOutput {
  const all = (readdirSync(distDir, { recursive: true, encoding: 'utf8' }) as string[])
    .map(toPosix)
    .filter((file) => !file.split('/').includes('node_modules'))
    .sort();
  const wxml = all.filter((file) => file.endsWith('.wxml'));
  const wxs = all.filter((file) => file.endsWith('.wxs'));
  const using = new Map(wxml.map((file) => [file, readUsingComponents(distDir, file)] as const));

  // Which files use which custom components, as miniprogram-compiler's wrapper passes it to -cc:
  // "<count> <file> <n> <tag…> …". Without it the output differs only in not marking `<comp>` as a
  // component (`wxXCkey`), but the client compiles with it, so this does too.
  const withComponents = wxml.filter((file) => Object.keys(using.get(file) ?? {}).length > 0);
  const componentArgs = [
    String(withComponents.length),
    ...withComponents.flatMap((file) => {
      const tags = Object.keys(using.get(file) ?? {});
      return [file, String(tags.length), ...tags];
    }),
  ].join(' ');

  // wcc is run directly rather than through the package's wxmlToJs for two flags the wrapper does not
  // pass: -ds, without which an exception in WXS is swallowed (the call gives `undefined`, nothing is
  // logged), and a larger maxBuffer than its 1 MB.
  const wcc = wccBinary();
  const args = ['-d', '-ds', '-cc', componentArgs, ...wxml, ...wxs, '-gn', '$gwx'];
  const result = spawnSync(wcc, args, { cwd: distDir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw new Error(`Could not run wcc (${wcc}): ${result.error.message}`, { cause: result.error });
  if (result.status !== 0 || result.stderr.trim() !== '') {
    throw new Error(`wcc could not compile ${distDir} (exit ${String(result.status)}):\n${result.stderr.trim()}`);
  }
  return { source: result.stdout, wxml, using };
}

const renderers = new Map<string, WxmlRenderer>();

/**
 * Compiles every .wxml (and the .wxs they import) under distDir with the official wcc, once; throws
 * with the compiler's stderr on a compile error.
 *
 * Measured on dist/weapp (23 .wxml, base.wxml 61 KB → 250 KB of generated JS): 65–75 ms in all, of
 * which wcc 35–65 ms and loading its output into the vm context 2–15 ms; a render is then 3–15 ms
 * (300 nodes: ~70 ms). Cheap enough, but cached so that all the renders of a test file share one
 * compiled runtime.
 */
export function compileWeapp(distDir: string): WxmlRenderer {
  const root = path.resolve(distDir);
  const cached = renderers.get(root);
  if (cached) return cached;

  const { source, wxml, using } = compileSource(root);
  const compiled = new Set(wxml);
  const components = new Map(
    wxml.map((file) => [file, resolveComponents(file, using.get(file) ?? {}, compiled)] as const),
  );

  // One sink at a time: rendering is synchronous, and the console below writes to whichever is current.
  let current: Reports = { problems: [], notes: [] };
  const record =
    (kind: 'log' | 'info' | 'debug' | 'warn' | 'error') =>
    (...args: unknown[]): void => {
      const line = `console.${kind}: ${args.map(describe).join(' ')}`;
      if (kind === 'warn' || kind === 'error') current.problems.push(line);
      else current.notes.push(line);
    };

  const context = vm.createContext({});
  const contextGlobal = vm.runInContext('globalThis', context) as Record<string, unknown>;
  // The generated code writes `window.__wcc_version__` and reads `window.__webview_engine_version__`;
  // in the client's webview `window` is the global object.
  contextGlobal.window = contextGlobal;
  contextGlobal.console = {
    log: record('log'),
    info: record('info'),
    debug: record('debug'),
    warn: record('warn'),
    error: record('error'),
  };
  const load = vm.runInContext(`(function () {\n${source}\n;return $gwx;\n})`, context, {
    filename: path.join(root, '$gwx.js'),
    lineOffset: -1,
  }) as () => Gwx;
  const gwx = load();
  if (current.problems.length > 0) {
    throw new Error(`The output of wcc for ${root} reported problems on load:\n${current.problems.join('\n')}`);
  }
  // Data must be built by the context's own JSON.parse: the runtime's deep copy (`$gdc`, used for WXS
  // arguments and component attributes) keeps an object only if its constructor is the context's Object.
  const parseInContext = vm.runInContext('JSON.parse', context) as (text: string) => unknown;

  const toNodes = (raw: unknown, file: string, nesting: number): WxmlNode[] => {
    if (raw === null || raw === undefined) return [];
    if (typeof raw !== 'object') return [{ tag: '#text', attr: {}, children: [], text: String(raw) }];
    const element = raw as RawElement;
    const children = (element.children ?? []).flatMap((child) => toNodes(child, file, nesting));
    const rawTag = String(element.tag);
    // `_ev` already splices virtual nodes away; kept here in case a runtime variant does not.
    if (rawTag === 'virtual') return children;
    const tag = rawTag.startsWith('wx-') ? rawTag.slice(3) : rawTag;
    const attr = element.attr ?? {};
    const component = components.get(file)?.get(tag);
    // A component instance with children of its own would be filling slots, which are not modelled.
    if (component !== undefined && children.length === 0) {
      return [{ tag, attr, children: renderFile(component, JSON.stringify(attr), nesting + 1).children }];
    }
    return [{ tag, attr, children }];
  };

  const renderFile = (file: string, json: string, nesting: number): WxmlNode => {
    if (nesting > MAX_COMPONENT_NESTING) {
      throw new Error(`custom components nested more than ${MAX_COMPONENT_NESTING} deep (at ${file})`);
    }
    const pageFunction = gwx(file);
    if (typeof pageFunction !== 'function') throw new Error(`$gwx has no entry for ${file}`);
    const raw = pageFunction(parseInContext(json), {}, {});
    // JSON again, on this side, so the tree holds this realm's objects (jest's equality checks prototypes).
    const copy = JSON.parse(JSON.stringify(raw) ?? 'null') as unknown;
    const [node] = toNodes(copy, file, nesting);
    if (node === undefined) throw new Error(`$gwx rendered nothing for ${file}`);
    return node;
  };

  const renderer: WxmlRenderer = {
    render(pagePath, data) {
      const file = `${pagePath.replace(/^\/+/, '').replace(/\.wxml$/, '')}.wxml`;
      if (!compiled.has(file)) {
        throw new Error(`${file} is not among the ${compiled.size} .wxml files compiled from ${root}`);
      }
      const json = JSON.stringify(data);
      if (json === undefined) throw new TypeError(`render(${pagePath}): data is not JSON-able`);
      const reports: Reports = { problems: [], notes: [] };
      current = reports;
      let tree: WxmlNode | undefined;
      try {
        tree = renderFile(file, json, 0);
      } catch (error) {
        reports.problems.push(`threw: ${describe(error)}`);
      } finally {
        current = { problems: [], notes: [] };
      }
      if (tree === undefined || reports.problems.length > 0) {
        const notes =
          reports.notes.length > 0 ? `\nAlso logged:\n${reports.notes.map((n) => `  ${n}`).join('\n')}` : '';
        throw new Error(
          `Rendering ${file} reported ${reports.problems.length} problem(s):\n` +
            `${reports.problems.map((p) => `  ${p}`).join('\n')}${notes}`,
        );
      }
      return tree;
    },
  };
  renderers.set(root, renderer);
  return renderer;
}
