import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HttpBridge } from './http-bridge';
import { applySetData, attributeOf, textOf, walk, type PageNode, type TaroDataNode } from './page-tree';
import { Canvas2dNode } from './canvas-2d';
import {
  createPlatformApi,
  type ChosenFile,
  type NavigationKind,
  type PlatformRecord,
  type SelectedNode,
} from './platform-api';
import { createSandbox, type AbsentLookup, type Sandbox } from './sandbox';
import { readNodeTemplates, type NodeTemplate, type Platform } from './templates';

export type { Platform } from './templates';

const REPO = path.resolve(__dirname, '../../..');

export interface BootOptions {
  platform: Platform;
  /** Origin of the gateway the test started; the built app's configured origin is pointed at it. */
  gatewayOrigin: string;
  distDir?: string;
  /** The phone's storage from an earlier run (an app restarted keeps it). */
  storage?: Map<string, string>;
  /** The platform user: the same code is the same person at the gateway's login stand-in. */
  loginCode?: string;
  /** Called after each settle with the current page (the weapp WXML render check hooks in here). */
  afterSettle?: (app: MiniApp, page: MiniPage) => void;
}

type PageConfig = Record<string, unknown> & { data?: Record<string, unknown> };

/** A page instance as the platform makes it from the config Taro passed to `Page()`. */
export interface MiniPage {
  route: string;
  query: Record<string, string>;
  instance: Record<string, unknown> & { data: { root?: TaroDataNode } & Record<string, unknown> };
  isTab: boolean;
}

interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  tabBar?: { list?: Array<{ pagePath: string; text?: string }>; items?: Array<{ pagePath: string; name?: string }> };
}

/** The built origin the app calls: `TARO_APP_API_BASE` from `.env` (what `taro build` read). */
function builtApiOrigin(): string {
  const env = readFileSync(path.join(REPO, '.env'), 'utf8');
  return (
    /^TARO_APP_API_BASE=(.*)$/m
      .exec(env)?.[1]
      ?.trim()
      .replace(/^['"]|['"]$/g, '') || 'http://127.0.0.1:8080'
  );
}

/**
 * The built mini-program, booted in a sandbox that imitates the platform's engine: App and Page
 * lifecycles, `setData` applied to each page's data, taps delivered to the page's `eh` the way the
 * platform bubbles them, platform APIs over real HTTP to a real gateway.
 */
export class MiniApp {
  readonly platform: Platform;
  readonly distDir: string;
  readonly bridge: HttpBridge;
  readonly record: PlatformRecord = {
    toasts: [],
    modals: [],
    subscribeRequests: [],
    scans: 0,
    clipboard: [],
    phoneCalls: [],
    openedLocations: [],
    missingApis: [],
  };
  /** console.error output, uncaught errors and unhandled rejections of the app. */
  readonly errors: string[] = [];
  readonly warnings: string[] = [];
  /** Node kinds (`nn`) the pages' data named that the base template does not define. */
  readonly unknownNodeKinds = new Set<string>();
  readonly storage: Map<string, string>;
  readonly chooseQueue: ChosenFile[][] = [];
  readonly scanQueue: string[] = [];
  readonly modalAnswers: boolean[] = [];
  readonly stack: MiniPage[] = [];
  readonly templates: Map<string, NodeTemplate>;

  private readonly sandbox: Sandbox;
  private readonly appJson: AppJson;
  private readonly tabRoutes: Set<string>;
  private readonly tabPages = new Map<string, MiniPage>();
  private readonly pageConfigs = new Map<string, PageConfig>();
  private readonly tempDir = mkdtempSync(path.join(tmpdir(), 'hsz-mini-'));
  private readonly tempFiles = new Map<string, string>();
  private readonly canvases = new Map<string, Canvas2dNode>();
  private appInstance: Record<string, unknown> | undefined;
  private loadingRoute: string | undefined;
  private pendingCallbacks = 0;
  private lastSetDataAt = 0;
  /** Pages that have rendered once (a page just opened is not settled before its first setData). */
  private readonly renderedPages = new WeakSet<object>();
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private nextTimerId = 1;
  private readonly onUnhandledRejection = (reason: unknown) =>
    this.errors.push(`unhandled rejection: ${describe(reason)}`);
  private closed = false;

  private constructor(private readonly options: BootOptions) {
    this.platform = options.platform;
    this.distDir = options.distDir ?? path.join(REPO, 'dist', options.platform);
    this.bridge = new HttpBridge(builtApiOrigin(), options.gatewayOrigin);
    this.storage = options.storage ?? new Map();
    this.appJson = JSON.parse(readFileSync(path.join(this.distDir, 'app.json'), 'utf8')) as AppJson;
    const tabs = this.appJson.tabBar?.list ?? this.appJson.tabBar?.items ?? [];
    this.tabRoutes = new Set(tabs.map((tab) => tab.pagePath));
    this.templates = readNodeTemplates(this.distDir, this.platform);
    this.sandbox = createSandbox(this.distDir, this.globals());
  }

  /** Loads app.js and runs App onLaunch and onShow, as a cold start does (no page yet). */
  static async boot(options: BootOptions): Promise<MiniApp> {
    const app = new MiniApp(options);
    process.on('unhandledRejection', app.onUnhandledRejection);
    app.guard('app.js', () => app.sandbox.requireFile('app.js'));
    if (!app.appInstance) throw new Error('app.js did not call App()');
    const launch = { path: app.appJson.pages[0], query: {}, scene: 1001, referrerInfo: {} };
    app.lifecycle(app.appInstance, 'onLaunch', launch);
    app.lifecycle(app.appInstance, 'onShow', launch);
    await app.settle();
    return app;
  }

  /** Every page path of app.json, subpackages included. */
  allRoutes(): string[] {
    return [
      ...this.appJson.pages,
      ...(this.appJson.subPackages ?? []).flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`)),
    ];
  }

  get absentLookups(): AbsentLookup[] {
    return this.sandbox.absentLookups;
  }

  get page(): MiniPage {
    const page = this.stack[this.stack.length - 1];
    if (!page) throw new Error('no page is open');
    return page;
  }

  // --- what the test does ---

  /** Opens a page as a fresh start on it (reLaunch), e.g. from a shared link or a QR code. */
  async open(url: string): Promise<void> {
    await this.navigate('reLaunch', url);
    await this.settle();
  }

  /** A tap on the platform's tab bar (drawn by the platform, not the page): its switchTab. */
  async tapTab(label: string): Promise<void> {
    const tabs = [
      ...(this.appJson.tabBar?.list ?? []).map((tab) => ({ path: tab.pagePath, label: tab.text })),
      ...(this.appJson.tabBar?.items ?? []).map((tab) => ({ path: tab.pagePath, label: tab.name })),
    ];
    const tab = tabs.find((candidate) => candidate.label === label);
    if (!tab) throw new Error(`the tab bar has no ${label}`);
    await this.navigate('switchTab', `/${tab.path}`);
    await this.settle();
  }

  /** The visible text of the current page, one entry per text node, in document order. */
  texts(): string[] {
    const root = this.page.instance.data.root;
    if (!root) return [];
    const out: string[] = [];
    for (const node of walk(root, this.templates)) {
      if (node.tag === '#text' && String(node.data.v ?? '').trim() !== '') out.push(String(node.data.v).trim());
    }
    return out;
  }

  text(): string {
    return this.texts().join(' ');
  }

  /** Nodes of a page (the current one unless named), in document order. */
  nodes(page: MiniPage = this.page): PageNode[] {
    const root = page.instance.data.root;
    return root ? [...walk(root, this.templates)] : [];
  }

  /** The innermost element whose text is `text` (or matches it), nearest the start of the page. */
  find(text: string | RegExp, options: { tag?: string } = {}): PageNode {
    const found = this.findAll(text, options)[0];
    if (!found) throw new Error(`no element shows ${String(text)} on ${this.page.route}: ${this.text().slice(0, 600)}`);
    return found;
  }

  findAll(text: string | RegExp, options: { tag?: string } = {}): PageNode[] {
    const matches = (value: string) => (typeof text === 'string' ? value.trim() === text : text.test(value));
    const candidates = this.nodes().filter(
      (node) =>
        node.tag !== '#text' &&
        (!options.tag || node.tag === options.tag) &&
        matches(textOf(node.data, this.templates)),
    );
    // Innermost: drop a candidate whose descendant also matches.
    return candidates.filter(
      (node) => !candidates.some((other) => other !== node && other.ancestors.includes(node.data)),
    );
  }

  /** Elements whose attribute (read through the template, e.g. `placeholder`) has this value. */
  findByAttribute(name: string, value: string | RegExp): PageNode[] {
    return this.nodes().filter((node) => {
      const actual = attributeOf(node.data, this.templates, name);
      return typeof actual === 'string' && (typeof value === 'string' ? actual === value : value.test(actual));
    });
  }

  attribute(node: PageNode, name: string): unknown {
    return attributeOf(node.data, this.templates, name);
  }

  has(text: string | RegExp): boolean {
    const all = this.text();
    return typeof text === 'string' ? all.includes(text) : text.test(all);
  }

  /** Waits until the page shows the text (the gateway is real, answers take a moment). */
  async waitForText(text: string | RegExp, timeoutMs = 8000): Promise<void> {
    await this.waitFor(
      () => this.has(text),
      timeoutMs,
      () => `text ${String(text)} on ${this.page.route}: ${this.text().slice(0, 800)}`,
    );
  }

  async waitFor(condition: () => boolean, timeoutMs = 8000, what: () => string = () => 'condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
      await sleep(20);
    }
    await this.settle();
  }

  /** A tap on the element showing `text` (or on the node given), bubbled as the platform does. */
  async tap(target: string | RegExp | PageNode): Promise<void> {
    const node = typeof target === 'object' && 'data' in target ? target : this.find(target);
    this.dispatch(node, 'tap', { x: 10, y: 10 });
    await this.settle();
  }

  /** Types into an input or textarea: focus, the whole value as one input event, blur. */
  async type(node: PageNode, value: string): Promise<void> {
    this.dispatch(node, 'focus', { value: '', height: 0 });
    this.dispatch(node, 'input', { value, cursor: value.length, keyCode: 0 });
    this.dispatch(node, 'blur', { value });
    await this.settle();
  }

  /** Presses the keyboard's confirm key (搜索 / 完成) in an input. */
  async confirm(node: PageNode, value: string): Promise<void> {
    this.dispatch(node, 'confirm', { value });
    await this.settle();
  }

  /** Draws a stroke with a finger on a canvas (touchstart, touchmoves, touchend). */
  async drawStroke(node: PageNode, points: Array<{ x: number; y: number }>): Promise<void> {
    const touch = (p: { x: number; y: number }) => ({
      touches: [{ identifier: 0, x: p.x, y: p.y }],
      changedTouches: [{ identifier: 0, x: p.x, y: p.y }],
    });
    this.dispatch(node, 'touchstart', {}, touch(points[0]));
    for (const p of points.slice(1)) this.dispatch(node, 'touchmove', {}, touch(p));
    this.dispatch(node, 'touchend', {}, { touches: [], changedTouches: [] });
    await this.settle();
  }

  /**
   * Sends an event to the page's `eh` for the node and then for each ancestor whose template binds
   * that event, nearest first, stopping after one that catches it: what the platform does.
   */
  dispatch(node: PageNode, type: string, detail: Record<string, unknown>, extra: Record<string, unknown> = {}): void {
    const page = this.page;
    const chain = [node.data, ...node.ancestors].filter((data) => data.nn !== undefined);
    if (!chain.some((data) => this.templates.get(String(data.nn))?.events.has(type))) {
      throw new Error(
        `nothing listens to ${type} at ${node.tag} (${String(node.data.nn)}) on ${page.route} or above it`,
      );
    }
    const targetRef = this.elementRef(node.data);
    for (const data of chain) {
      const binding = this.templates.get(String(data.nn))?.events.get(type);
      if (!binding) continue;
      const event = this.sandbox.run('(e) => JSON.parse(e)') as (e: string) => Record<string, unknown>;
      const payload = event(
        JSON.stringify({
          type,
          timeStamp: Date.now(),
          target: targetRef,
          currentTarget: this.elementRef(data),
          detail,
          touches: [],
          changedTouches: [],
          mark: {},
          ...extra,
        }),
      );
      this.guard(`${type} on ${page.route}`, () =>
        (page.instance.eh as (e: unknown) => void).call(page.instance, payload),
      );
      if (binding === 'catch') break;
    }
  }

  /** The element as an event names it: its id and its `data-*` attributes (Taro's node id in sid). */
  private elementRef(data: TaroDataNode): Record<string, unknown> {
    const sid = String(data.sid ?? '');
    return { id: String(data.uid ?? sid), dataset: { sid }, offsetLeft: 0, offsetTop: 0 };
  }

  /** Stops the app: unloads its pages, clears its timers and temp files. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const page of [...this.stack].reverse()) this.unload(page);
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    process.off('unhandledRejection', this.onUnhandledRejection);
    rmSync(this.tempDir, { recursive: true, force: true });
  }

  /** Waits until the app is quiet: no request on the wire, no platform callback due, no render for a moment. */
  async settle(quietMs = 40, timeoutMs = 10000): Promise<void> {
    const started = Date.now();
    const deadline = started + timeoutMs;
    for (;;) {
      await sleep(10);
      const top = this.stack[this.stack.length - 1];
      // Quiet counts from the later of the last render and the call: a tap's render is scheduled by
      // Taro a turn later, and on a loaded machine that can be after the first look.
      const quiet =
        this.bridge.inFlight === 0 &&
        this.pendingCallbacks === 0 &&
        Date.now() - Math.max(this.lastSetDataAt, started) >= quietMs &&
        (!top || this.renderedPages.has(top.instance));
      if (quiet || Date.now() > deadline) break;
    }
    const page = this.stack[this.stack.length - 1];
    if (page) {
      this.checkNodeKinds(page);
      this.options.afterSettle?.(this, page);
    }
  }

  // --- the platform's side ---

  private globals(): Record<string, unknown> {
    const platformApi = createPlatformApi({
      platform: this.platform,
      bridge: this.bridge,
      record: this.record,
      tempFiles: this.tempFiles,
      tempDir: this.tempDir,
      loginCode: this.options.loginCode ?? 'mini-suite-user',
      chooseQueue: this.chooseQueue,
      scanQueue: this.scanQueue,
      modalAnswers: this.modalAnswers,
      storage: this.storage,
      navigate: (kind, url) => this.navigate(kind, url),
      navigateBack: (delta) => this.navigateBack(delta),
      selectorOfCurrentPage: () => {
        const page = this.stack[this.stack.length - 1];
        return (selector) => (page && this.isOpen(page) ? this.select(page, selector) : []);
      },
      realm: {
        json: (value) =>
          value === undefined ? undefined : this.sandbox.run(`JSON.parse(${JSON.stringify(JSON.stringify(value))})`),
        arrayBuffer: (bytes) => {
          const buffer = this.sandbox.run(`new ArrayBuffer(${bytes.byteLength})`) as ArrayBuffer;
          new Uint8Array(buffer).set(bytes);
          return buffer;
        },
        bytes: (n) => this.sandbox.run(`new Uint8ClampedArray(${n})`) as Uint8ClampedArray,
      },
      later: (fn) => this.later(fn),
    });
    const consoleShim = {
      log: () => undefined,
      info: () => undefined,
      debug: () => undefined,
      warn: (...args: unknown[]) => this.warnings.push(args.map(describe).join(' ')),
      error: (...args: unknown[]) => this.errors.push(args.map(describe).join(' ')),
      group: () => undefined,
      groupEnd: () => undefined,
      time: () => undefined,
      timeEnd: () => undefined,
      trace: () => undefined,
      assert: () => undefined,
    };
    const globals: Record<string, unknown> = {
      [this.platform === 'weapp' ? 'wx' : 'my']: platformApi,
      console: consoleShim,
      App: (config: Record<string, unknown>) => {
        this.appInstance = config;
      },
      Page: (config: PageConfig) => {
        if (!this.loadingRoute) throw new Error('Page() called outside a page file');
        this.pageConfigs.set(this.loadingRoute, config);
      },
      Component: () => undefined,
      Behavior: (definition: unknown) => definition,
      getApp: () => this.appInstance,
      getCurrentPages: () => this.stack.map((page) => page.instance),
      requirePlugin: () => {
        throw new Error('requirePlugin: no plugins in this app');
      },
      setTimeout: (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) =>
        this.setTimer(fn, ms, args, false),
      setInterval: (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) =>
        this.setTimer(fn, ms, args, true),
      clearTimeout: (id?: number) => this.clearTimer(id),
      clearInterval: (id?: number) => this.clearTimer(id),
    };
    // A real Alipay engine has a navigator with swuserAgent (and no userAgent), which Taro reads on load.
    if (this.platform === 'alipay')
      globals.navigator = { swuserAgent: 'AlipayClient/10.5.96 (iPhone; iOS 17.4) MiniProgram' };
    return globals;
  }

  private setTimer(fn: (...a: unknown[]) => void, ms: number | undefined, args: unknown[], repeat: boolean): number {
    const id = this.nextTimerId++;
    const run = () => {
      if (!repeat) this.timers.delete(id);
      this.guard('timer', () => fn(...args));
    };
    const timer = repeat ? setInterval(run, ms ?? 0) : setTimeout(run, ms ?? 0);
    timer.unref?.();
    this.timers.set(id, timer);
    return id;
  }

  private clearTimer(id: number | undefined): void {
    if (id === undefined) return;
    const timer = this.timers.get(id);
    if (timer) clearTimeout(timer);
    this.timers.delete(id);
  }

  private later(fn: () => void): void {
    if (this.closed) return;
    this.pendingCallbacks++;
    setTimeout(() => {
      this.pendingCallbacks--;
      if (!this.closed) this.guard('platform callback', fn);
    }, 1);
  }

  /** Runs app code; what it throws is an uncaught error on the platform (App onError), recorded. */
  private guard(where: string, fn: () => unknown): void {
    try {
      fn();
    } catch (error) {
      this.errors.push(`uncaught in ${where}: ${describe(error)}`);
    }
  }

  private lifecycle(target: Record<string, unknown>, name: string, ...args: unknown[]): void {
    const fn = target[name];
    if (typeof fn === 'function') this.guard(name, () => (fn as (...a: unknown[]) => void).apply(target, args));
  }

  private routeOf(url: string): { route: string; query: Record<string, string> } {
    const [pathPart, queryPart = ''] = url.split('?');
    const route = pathPart.replace(/^\//, '');
    const query: Record<string, string> = {};
    for (const pair of queryPart.split('&').filter(Boolean)) {
      const [key, value = ''] = pair.split('=');
      // The platform hands the query over as it is in the URL: still percent-encoded.
      query[key] = value;
    }
    return { route, query };
  }

  private createPage(route: string, query: Record<string, string>): MiniPage {
    if (!this.allRoutes().includes(route)) throw new Error(`page "${route}" is not in app.json`);
    if (!this.pageConfigs.has(route)) {
      this.loadingRoute = route;
      try {
        this.sandbox.requireFile(`${route}.js`);
      } finally {
        this.loadingRoute = undefined;
      }
      if (!this.pageConfigs.has(route)) throw new Error(`${route}.js did not call Page()`);
    }
    const config = this.pageConfigs.get(route)!;
    const instance = Object.create(null) as MiniPage['instance'];
    for (const [key, value] of Object.entries(config)) if (key !== 'data') instance[key] = value;
    instance.data = JSON.parse(JSON.stringify(config.data ?? {})) as MiniPage['instance']['data'];
    instance.route = route;
    if (this.platform === 'weapp') instance.__route__ = route;
    instance.options = query;
    instance.setData = (patch: Record<string, unknown>, callback?: () => void) => {
      applySetData(instance.data, patch);
      this.lastSetDataAt = Date.now();
      this.renderedPages.add(instance);
      if (callback) this.later(callback);
    };
    instance.selectComponent = () => null;
    instance.createSelectorQuery = () =>
      (
        this.sandbox.global[this.platform === 'weapp' ? 'wx' : 'my'] as { createSelectorQuery: () => unknown }
      ).createSelectorQuery();
    return { route, query, instance, isTab: this.tabRoutes.has(route) };
  }

  private load(page: MiniPage): void {
    this.stack.push(page);
    this.lifecycle(page.instance, 'onLoad', { ...page.query });
    this.lifecycle(page.instance, 'onShow');
    // onReady follows the first render.
    this.later(() => this.lifecycle(page.instance, 'onReady'));
  }

  private unload(page: MiniPage): void {
    const index = this.stack.indexOf(page);
    if (index >= 0) this.stack.splice(index, 1);
    if (page.isTab) this.tabPages.delete(page.route);
    this.lifecycle(page.instance, 'onUnload');
  }

  private hideCurrent(): void {
    const current = this.stack[this.stack.length - 1];
    if (current) this.lifecycle(current.instance, 'onHide');
  }

  private async navigate(kind: NavigationKind, url: string): Promise<void> {
    const { route, query } = this.routeOf(url);
    const isTab = this.tabRoutes.has(route);
    if (kind === 'switchTab') {
      if (!isTab) throw new Error(`switchTab:fail can not switch to no-tabBar page`);
      if (url.includes('?')) throw new Error('switchTab:fail query not allowed');
    } else if (isTab && kind !== 'reLaunch') {
      throw new Error(`${kind}:fail can not ${kind} a tabbar page`);
    }
    if (!this.allRoutes().includes(route)) throw new Error(`${kind}:fail page "${route}" is not found`);
    if (kind === 'navigateTo') {
      if (this.stack.length >= 10) throw new Error('navigateTo:fail webview count limit exceed');
      this.hideCurrent();
      this.load(this.createPage(route, query));
    } else if (kind === 'redirectTo') {
      const current = this.stack[this.stack.length - 1];
      if (current) this.unload(current);
      this.load(this.createPage(route, query));
    } else if (kind === 'reLaunch') {
      for (const page of [...this.stack].reverse()) this.unload(page);
      for (const tab of [...this.tabPages.values()]) this.unload(tab);
      const page = this.createPage(route, query);
      if (isTab) this.tabPages.set(route, page);
      this.load(page);
    } else {
      // switchTab: every page that is not a tab closes; a tab opened before is shown again.
      for (const page of [...this.stack].reverse()) {
        if (!page.isTab) this.unload(page);
      }
      this.hideCurrent();
      this.stack.length = 0;
      const existing = this.tabPages.get(route);
      if (existing) {
        this.stack.push(existing);
        this.lifecycle(existing.instance, 'onShow');
      } else {
        const page = this.createPage(route, query);
        this.tabPages.set(route, page);
        this.load(page);
      }
    }
  }

  private async navigateBack(delta: number): Promise<void> {
    if (this.stack.length <= 1) throw new Error('cannot navigate back at first page');
    const count = Math.min(delta, this.stack.length - 1);
    for (let i = 0; i < count; i++) this.unload(this.stack[this.stack.length - 1]);
    this.lifecycle(this.page.instance, 'onShow');
  }

  /** Not closed: in the page stack, or a tab page switched away from (kept alive by the platform). */
  private isOpen(page: MiniPage): boolean {
    return this.stack.includes(page) || [...this.tabPages.values()].includes(page);
  }

  /**
   * Elements of `page` matching a simple selector (`#id`, `.class`, `tag`, and descendants of those).
   * There is no layout: each match gets a box 343 px wide, stacked 120 px apart in document order; a
   * canvas is 343 × 200 and comes with its 2d node.
   */
  private select(page: MiniPage, selector: string): SelectedNode[] {
    const steps = selector.trim().split(/\s+/);
    const matchesStep = (data: TaroDataNode, step: string) => {
      if (step.startsWith('#')) return String(data.uid ?? data.sid ?? '') === step.slice(1);
      if (step.startsWith('.')) {
        const classes = String(data.cl ?? '').split(/\s+/);
        return step
          .slice(1)
          .split('.')
          .every((name) => classes.includes(name));
      }
      return this.templates.get(String(data.nn))?.tag === step;
    };
    const matched = this.nodes(page).filter((node) => {
      if (!matchesStep(node.data, steps[steps.length - 1])) return false;
      let ancestorIndex = 0;
      for (let i = steps.length - 2; i >= 0; i--) {
        while (ancestorIndex < node.ancestors.length && !matchesStep(node.ancestors[ancestorIndex], steps[i]))
          ancestorIndex++;
        if (ancestorIndex >= node.ancestors.length) return false;
        ancestorIndex++;
      }
      return true;
    });
    return matched.map((found, index) => {
      if (found.tag !== 'canvas') return { id: found.id, node: null, width: 343, height: 120, top: 100 + index * 120 };
      const key = `${page.route}#${found.id}`;
      let canvas = this.canvases.get(key);
      if (!canvas) {
        canvas = new Canvas2dNode((n) => this.sandbox.run(`new Uint8ClampedArray(${n})`) as Uint8ClampedArray);
        this.canvases.set(key, canvas);
      }
      return { id: found.id, node: canvas, width: 343, height: 200, top: 100 };
    });
  }

  private checkNodeKinds(page: MiniPage): void {
    const root = page.instance.data.root;
    if (!root) return;
    for (const node of walk(root, this.templates)) {
      if (!this.templates.has(String(node.data.nn)))
        this.unknownNodeKinds.add(`${String(node.data.nn)} on ${page.route}`);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function describe(value: unknown): string {
  if (value instanceof Error || (value && typeof value === 'object' && 'stack' in value && 'message' in value)) {
    const error = value as Error;
    return `${error.message}\n${String(error.stack).split('\n').slice(1, 4).join('\n')}`;
  }
  if (typeof value === 'object') {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}
