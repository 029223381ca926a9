import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TransportError, type HttpAnswer, type HttpBridge } from './http-bridge';
import { Canvas2dNode } from './canvas-2d';
import type { Platform } from './templates';

/** A file the test puts in the phone's album, camera or chat files, for the next picker call. */
export interface ChosenFile {
  /** A real file on this machine. */
  hostPath: string;
  /** The name the picker reports (chat files have names; photos get temp names). */
  name?: string;
}

/** What the platform showed or asked that a person would have seen: toasts, modals, consent asks. */
export interface PlatformRecord {
  toasts: string[];
  modals: Array<{ title: string; content: string }>;
  subscribeRequests: string[][];
  /** How many times the camera was opened to scan, cancelled scans included. */
  scans: number;
  clipboard: string[];
  phoneCalls: string[];
  openedLocations: Array<{ latitude: number; longitude: number; name?: string }>;
  /** Every API the app called by name that the shim does not have. */
  missingApis: string[];
}

/** What the platform APIs need of the running app. */
export interface PlatformHost {
  platform: Platform;
  bridge: HttpBridge;
  record: PlatformRecord;
  /** Temp files of this phone: platform temp path → file on this machine. */
  tempFiles: Map<string, string>;
  tempDir: string;
  /** The code the platform's login answers with: the same person for one phone. */
  loginCode: string;
  /** Answers for the next pickers, scans and modals; empty means the person cancels. */
  chooseQueue: ChosenFile[][];
  scanQueue: string[];
  modalAnswers: boolean[];
  storage: Map<string, string>;
  navigate: (kind: NavigationKind, url: string) => Promise<void>;
  navigateBack: (delta: number) => Promise<void>;
  /**
   * A selector over the page on top now (`#id`, `.class`, descendants), with made-up boxes. The
   * platform binds a query to the page it was created on: it still answers from that page once
   * another is opened over it, and answers nothing once that page is closed.
   */
  selectorOfCurrentPage: () => (selector: string) => SelectedNode[];
  /** Creates data in the sandbox's realm (its Object, Array and ArrayBuffer). */
  realm: {
    json: (value: unknown) => unknown;
    arrayBuffer: (bytes: Uint8Array) => ArrayBuffer;
    bytes: (n: number) => Uint8ClampedArray;
  };
  /** Runs a platform callback as the engine does: later, on its own turn of the event loop. */
  later: (fn: () => void) => void;
}

export interface SelectedNode {
  id: string;
  /** The canvas 2d node, for a canvas asked with `fields({ node: true })`. */
  node: unknown;
  width: number;
  height: number;
  top: number;
}

export type NavigationKind = 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch';

type Callbacks = {
  success?: (res: unknown) => void;
  fail?: (err: unknown) => void;
  complete?: (res: unknown) => void;
};

/** Phone of the suite: an iPhone-12-sized screen, as a common phone. */
const SYSTEM_INFO = {
  brand: 'iPhone',
  model: 'iPhone 12',
  pixelRatio: 3,
  screenWidth: 390,
  screenHeight: 844,
  windowWidth: 390,
  windowHeight: 763,
  statusBarHeight: 47,
  language: 'zh_CN',
  system: 'iOS 17.4',
  platform: 'ios',
  fontSizeSetting: 16,
  SDKVersion: '3.4.0',
  safeArea: { left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763 },
};

let tempCounter = 0;

/** Properties the app's own code keeps on the platform object (webpack's chunk list, Taro's event bus). */
const OWN_PROPERTIES = new Set(['webpackJsonp', 'taroEventCenter']);
/** Read by Taro as it loads (it copies `wx.cloud` onto Taro) and never called by this app. */
const READ_NOT_USED = new Set(['cloud']);

export function createPlatformApi(host: PlatformHost): Record<string, unknown> {
  const isWeapp = host.platform === 'weapp';
  const okMsg = (api: string) => (isWeapp ? { errMsg: `${api}:ok` } : {});
  const failure = (api: string, message: string, alipayCode = 3): Record<string, unknown> =>
    isWeapp ? { errMsg: `${api}:fail ${message}` } : { error: alipayCode, errorMessage: message };

  const settle = (options: Callbacks | undefined, outcome: { ok: true; res: unknown } | { ok: false; err: unknown }) =>
    host.later(() => {
      const payload = host.realm.json(outcome.ok ? outcome.res : outcome.err);
      if (outcome.ok) options?.success?.(payload);
      else options?.fail?.(payload);
      options?.complete?.(payload);
    });
  const succeed = (options: Callbacks | undefined, res: unknown) => settle(options, { ok: true, res });
  const fail = (options: Callbacks | undefined, err: unknown) => settle(options, { ok: false, err });

  const newTempPath = (extension: string) => {
    tempCounter += 1;
    const name = `tmp_${tempCounter}${extension}`;
    return isWeapp ? `wxfile://tmp/${name}` : `https://resource/apml${tempCounter}${extension}`;
  };
  const adoptFile = (hostPath: string) => {
    const tempPath = newTempPath(path.extname(hostPath));
    const copy = path.join(host.tempDir, path.basename(tempPath));
    copyFileSync(hostPath, copy);
    host.tempFiles.set(tempPath, copy);
    return { tempPath, size: statSync(copy).size };
  };
  const hostFile = (tempPath: string) => host.tempFiles.get(tempPath);

  // --- network ---

  const encodeBody = (data: unknown, contentType: string): Uint8Array | undefined => {
    if (data === undefined || data === null) return undefined;
    if (typeof data === 'string') return Buffer.from(data);
    if (Object.prototype.toString.call(data) === '[object ArrayBuffer]') return new Uint8Array(data as ArrayBuffer);
    if (/json/i.test(contentType)) return Buffer.from(JSON.stringify(data));
    return Buffer.from(new URLSearchParams(data as Record<string, string>).toString());
  };

  const decode = (answer: HttpAnswer, dataType: string | undefined, responseType: string | undefined) => {
    if (responseType === 'arraybuffer' || dataType === 'arraybuffer')
      return { data: host.realm.arrayBuffer(answer.body) };
    const text = answer.body.toString('utf8');
    if (dataType === undefined || dataType === 'json') {
      try {
        return { data: JSON.parse(text) as unknown };
      } catch {
        return { data: text, undecodable: true };
      }
    }
    return { data: text };
  };

  function request(options: Callbacks & Record<string, unknown>) {
    const controller = new AbortController();
    const method = String(options.method ?? 'GET').toUpperCase();
    const headerOption = (isWeapp ? options.header : options.headers) as Record<string, string> | undefined;
    const headers: Record<string, string> = { ...(headerOption ?? {}) };
    const contentType =
      Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? 'application/json';
    let url = String(options.url);
    let body: Uint8Array | undefined;
    if (method === 'GET' && options.data && typeof options.data === 'object') {
      const query = new URLSearchParams(options.data as Record<string, string>).toString();
      if (query) url += (url.includes('?') ? '&' : '?') + query;
    } else body = encodeBody(options.data, contentType);
    const api = 'request';
    host.bridge
      .send({
        method,
        url,
        headers,
        body,
        timeoutMs: Number(options.timeout ?? (isWeapp ? 60000 : 30000)),
        signal: controller.signal,
      })
      .then(
        (answer) => {
          const { data, undecodable } = decode(
            answer,
            options.dataType as string | undefined,
            options.responseType as string | undefined,
          );
          if (isWeapp) {
            return succeed(options, {
              data,
              statusCode: answer.status,
              header: answer.headers,
              cookies: [],
              errMsg: 'request:ok',
            });
          }
          // Alipay answers only a 2xx through success; anything else, and a body that is not the JSON
          // asked for, goes to fail with the status, body and headers.
          if (answer.status < 200 || answer.status >= 300) {
            return fail(options, {
              error: 19,
              errorMessage: 'http status error',
              status: answer.status,
              data,
              headers: answer.headers,
            });
          }
          if (undecodable) {
            return fail(options, {
              error: 14,
              errorMessage: 'JSON parse data error',
              status: answer.status,
              data,
              headers: answer.headers,
            });
          }
          return succeed(options, { data, status: answer.status, headers: answer.headers });
        },
        (error: unknown) => {
          const reason = error instanceof TransportError ? error.reason : 'offline';
          if (isWeapp) {
            const message =
              reason === 'timeout' ? 'timeout' : reason === 'abort' ? 'abort' : 'net::ERR_CONNECTION_REFUSED';
            return fail(options, { errMsg: `${api}:fail ${message}`, errno: reason === 'timeout' ? 5 : 600001 });
          }
          const [code, message] =
            reason === 'timeout' ? [13, '超时'] : reason === 'abort' ? [9, '请求已取消'] : [12, '网络出错'];
          return fail(options, { error: code, errorMessage: message });
        },
      );
    return {
      abort: () => controller.abort(),
      onHeadersReceived: () => undefined,
      offHeadersReceived: () => undefined,
    };
  }

  function uploadFile(options: Callbacks & Record<string, unknown>) {
    const controller = new AbortController();
    const progressListeners: Array<(p: Record<string, number>) => void> = [];
    const fieldName = (isWeapp ? options.name : options.fileName) as string | undefined;
    const file = hostFile(String(options.filePath));
    const task = {
      abort: () => controller.abort(),
      onProgressUpdate: (fn: (p: Record<string, number>) => void) => progressListeners.push(fn),
      offProgressUpdate: () => undefined,
    };
    if (!fieldName || (!isWeapp && !['image', 'video', 'audio'].includes(String(options.fileType)))) {
      fail(
        options,
        failure('uploadFile', isWeapp ? 'parameter error: name' : '参数错误：fileName 和 fileType 为必填', 2),
      );
      return task;
    }
    if (!file) {
      fail(options, failure('uploadFile', 'file not found', 11));
      return task;
    }
    const bytes = readFileSync(file);
    const form = new FormData();
    for (const [key, value] of Object.entries((options.formData ?? {}) as Record<string, unknown>))
      form.append(key, String(value));
    form.append(fieldName, new Blob([bytes]), path.basename(String(options.filePath)));
    const headers = { ...((options.header ?? {}) as Record<string, string>) };
    host.bridge
      .send({
        method: 'POST',
        url: String(options.url),
        headers,
        body: form,
        timeoutMs: Number(options.timeout ?? 60000),
        signal: controller.signal,
      })
      .then(
        (answer) => {
          host.later(() => {
            for (const listener of progressListeners) {
              listener(
                host.realm.json({
                  progress: 100,
                  totalBytesSent: bytes.length,
                  totalBytesExpectedToSend: bytes.length,
                }) as Record<string, number>,
              );
            }
          });
          const data = answer.body.toString('utf8');
          if (isWeapp) return succeed(options, { data, statusCode: answer.status, errMsg: 'uploadFile:ok' });
          if (answer.status < 200 || answer.status >= 300) {
            return fail(options, {
              error: 19,
              errorMessage: 'http status error',
              statusCode: answer.status,
              data,
              header: answer.headers,
            });
          }
          return succeed(options, { data, statusCode: answer.status, header: answer.headers });
        },
        (error: unknown) => {
          const reason = error instanceof TransportError ? error.reason : 'offline';
          if (isWeapp)
            return fail(options, {
              errMsg: `uploadFile:fail ${reason === 'timeout' ? 'timeout' : reason === 'abort' ? 'abort' : 'net::ERR_CONNECTION_REFUSED'}`,
            });
          return fail(
            options,
            reason === 'timeout' ? { error: 13, errorMessage: '超时' } : { error: 12, errorMessage: '上传文件失败' },
          );
        },
      );
    return task;
  }

  // --- storage ---

  const storageApi = isWeapp
    ? {
        getStorageSync: (key: string) => {
          const raw = host.storage.get(key);
          return raw === undefined ? '' : host.realm.json(JSON.parse(raw));
        },
        setStorageSync: (key: string, data: unknown) => void host.storage.set(key, JSON.stringify(data)),
        removeStorageSync: (key: string) => void host.storage.delete(key),
        clearStorageSync: () => host.storage.clear(),
        getStorageInfoSync: () =>
          host.realm.json({ keys: [...host.storage.keys()], currentSize: storageSize(), limitSize: 10240 }),
      }
    : {
        // Alipay's sync storage takes an object and answers { data }; Taro adapts the call.
        getStorageSync: ({ key }: { key: string }) => {
          const raw = host.storage.get(key);
          return host.realm.json({ data: raw === undefined ? null : JSON.parse(raw) });
        },
        setStorageSync: ({ key, data }: { key: string; data: unknown }) =>
          void host.storage.set(key, JSON.stringify(data)),
        removeStorageSync: ({ key }: { key: string }) => void host.storage.delete(key),
        clearStorageSync: () => host.storage.clear(),
        getStorageInfoSync: () =>
          host.realm.json({ keys: [...host.storage.keys()], currentSize: storageSize(), limitSize: 10240 }),
      };
  function storageSize() {
    let bytes = 0;
    for (const [key, value] of host.storage) bytes += key.length + value.length;
    return Math.ceil(bytes / 1024);
  }

  // --- files ---

  const userDataPath = isWeapp ? 'wxfile://usr' : 'https://usr';
  const userDirs = new Set<string>();
  const fileSystemManager = {
    readFile(options: Callbacks & { filePath: string; encoding?: string; position?: number; length?: number }) {
      const file = hostFile(options.filePath);
      if (!file) return fail(options, failure('readFile', `no such file or directory ${options.filePath}`, 11));
      const whole = readFileSync(file);
      const start = options.position ?? 0;
      const bytes =
        options.length === undefined ? whole.subarray(start) : whole.subarray(start, start + options.length);
      const data = options.encoding
        ? bytes.toString(options.encoding as BufferEncoding)
        : host.realm.arrayBuffer(bytes);
      // realm.json would copy an ArrayBuffer into {}: hand it over as it is.
      host.later(() => {
        const res = { data, ...okMsg('readFile') };
        options.success?.(res);
        options.complete?.(res);
      });
    },
    getFileInfo(options: Callbacks & { filePath: string }) {
      const file = hostFile(options.filePath);
      if (!file) return fail(options, failure('getFileInfo', 'file not exist', 11));
      succeed(options, { size: statSync(file).size, ...okMsg('getFileInfo') });
    },
    access(options: Callbacks & { path: string }) {
      if (hostFile(options.path)) succeed(options, okMsg('access'));
      else fail(options, failure('access', 'no such file or directory', 11));
    },
    unlink(options: Callbacks & { filePath: string }) {
      host.tempFiles.delete(options.filePath);
      succeed(options, okMsg('unlink'));
    },
    // The app's own folders under env.USER_DATA_PATH (kept as names: files live in tempFiles).
    mkdir(options: Callbacks & { dirPath: string; recursive?: boolean }) {
      const dir = options.dirPath.replace(/\/+$/, '');
      if (userDirs.has(dir)) return fail(options, failure('mkdir', `file already exists ${dir}`, 12));
      const parent = dir.slice(0, dir.lastIndexOf('/'));
      if (!options.recursive && parent !== userDataPath && !userDirs.has(parent))
        return fail(options, failure('mkdir', `no such file or directory ${dir}`, 11));
      for (let d = dir; d.startsWith(`${userDataPath}/`); d = d.slice(0, d.lastIndexOf('/'))) userDirs.add(d);
      succeed(options, okMsg('mkdir'));
    },
    copyFile(options: Callbacks & { srcPath: string; destPath: string }) {
      const file = hostFile(options.srcPath);
      if (!file) return fail(options, failure('copyFile', `no such file or directory ${options.srcPath}`, 11));
      const parent = options.destPath.slice(0, options.destPath.lastIndexOf('/'));
      if (parent !== userDataPath && !userDirs.has(parent))
        return fail(options, failure('copyFile', `no such file or directory ${options.destPath}`, 11));
      tempCounter += 1;
      const copy = path.join(host.tempDir, `usr_${tempCounter}_${path.basename(options.destPath)}`);
      copyFileSync(file, copy);
      host.tempFiles.set(options.destPath, copy);
      succeed(options, okMsg('copyFile'));
    },
    saveFile(options: Callbacks & { tempFilePath: string }) {
      const file = hostFile(options.tempFilePath);
      if (!file) return fail(options, failure('saveFile', 'file not exist', 11));
      const saved = isWeapp ? `wxfile://store/${path.basename(file)}` : `https://resource/store_${path.basename(file)}`;
      host.tempFiles.set(saved, file);
      succeed(options, { savedFilePath: saved, ...okMsg('saveFile') });
    },
  };

  const takeChosen = () => host.chooseQueue.shift() ?? [];
  const cancelled = (api: string) => failure(api, 'cancel', 11);

  const chooseMedia = (options: Callbacks & { count?: number }) => {
    const chosen = takeChosen().slice(0, options.count ?? 9);
    if (chosen.length === 0) return fail(options, cancelled('chooseMedia'));
    const tempFiles = chosen.map((file) => {
      const { tempPath, size } = adoptFile(file.hostPath);
      return { tempFilePath: tempPath, size, fileType: 'image', width: 1080, height: 1440 };
    });
    succeed(options, { tempFiles, type: 'image', ...okMsg('chooseMedia') });
  };
  const chooseImage = (options: Callbacks & { count?: number }) => {
    const chosen = takeChosen().slice(0, options.count ?? 9);
    if (chosen.length === 0)
      return fail(options, isWeapp ? cancelled('chooseImage') : { error: 11, errorMessage: '用户取消操作' });
    const adopted = chosen.map((file) => adoptFile(file.hostPath));
    const paths = adopted.map((file) => file.tempPath);
    succeed(
      options,
      isWeapp
        ? {
            tempFilePaths: paths,
            tempFiles: adopted.map((f) => ({ path: f.tempPath, size: f.size })),
            errMsg: 'chooseImage:ok',
          }
        : {
            apFilePaths: paths,
            tempFilePaths: paths,
            tempFiles: adopted.map((f) => ({ path: f.tempPath, size: f.size })),
          },
    );
  };
  const chooseMessageFile = (options: Callbacks & { count?: number }) => {
    const chosen = takeChosen().slice(0, options.count ?? 9);
    if (chosen.length === 0) return fail(options, cancelled('chooseMessageFile'));
    const tempFiles = chosen.map((file) => {
      const { tempPath, size } = adoptFile(file.hostPath);
      return { path: tempPath, size, name: file.name ?? path.basename(file.hostPath), type: 'file', time: Date.now() };
    });
    succeed(options, { tempFiles, errMsg: 'chooseMessageFile:ok' });
  };

  // Compression is not imitated: the "compressed" copy has the original's bytes, which the app
  // rightly keeps out (not smaller).
  const compressImage = (options: Callbacks & { src?: string; filePaths?: string[] }) => {
    const source = isWeapp ? options.src : options.filePaths?.[0];
    const file = source ? hostFile(source) : undefined;
    if (!file) return fail(options, failure('compressImage', 'file not found', 11));
    const { tempPath } = adoptFile(file);
    succeed(
      options,
      isWeapp
        ? { tempFilePath: tempPath, errMsg: 'compressImage:ok' }
        : { filePaths: [tempPath], apFilePaths: [tempPath] },
    );
  };

  const canvasToTempFilePath = (options: Callbacks & { canvas?: unknown; fileType?: string }) => {
    if (!(options.canvas instanceof Canvas2dNode))
      return fail(options, failure('canvasToTempFilePath', 'canvas is empty', 2));
    const tempPath = newTempPath('.png');
    const file = path.join(host.tempDir, path.basename(tempPath));
    writeFileSync(file, options.canvas.toPng());
    host.tempFiles.set(tempPath, file);
    succeed(
      options,
      isWeapp
        ? { tempFilePath: tempPath, errMsg: 'canvasToTempFilePath:ok' }
        : { tempFilePath: tempPath, apFilePath: tempPath },
    );
  };

  function createSelectorQuery() {
    // Bound now, not at exec: Taro delays exec until after its next setData (up to 100 ms), and
    // the person may have opened another page by then.
    const select = host.selectorOfCurrentPage();
    const selections: Array<{ selector: string; all: boolean; fields: Record<string, boolean> }> = [];
    const query = {
      in: () => query,
      select: (selector: string) => nodesRef(selector, false),
      selectAll: (selector: string) => nodesRef(selector, true),
      selectViewport: () => nodesRef('viewport', false),
      exec(callback?: (res: unknown[]) => void) {
        host.later(() => {
          const describe = (found: SelectedNode, fields: Record<string, boolean>) => {
            const out: Record<string, unknown> = { id: found.id };
            if (fields.node) out.node = found.node;
            if (fields.size || fields.rect) Object.assign(out, { width: found.width, height: found.height });
            if (fields.rect) {
              Object.assign(out, { left: 0, right: found.width, top: found.top, bottom: found.top + found.height });
            }
            return out;
          };
          const results = selections.map(({ selector, all, fields }) => {
            const found = select(selector);
            if (all) return found.map((node) => describe(node, fields));
            return found[0] ? describe(found[0], fields) : null;
          });
          callback?.(results);
        });
      },
    };
    function nodesRef(selector: string, all: boolean) {
      const selection = { selector, all, fields: {} as Record<string, boolean> };
      selections.push(selection);
      return {
        fields(fields: Record<string, boolean>) {
          selection.fields = fields;
          return query;
        },
        boundingClientRect() {
          selection.fields = { rect: true, size: true };
          return query;
        },
        node() {
          selection.fields = { node: true };
          return query;
        },
      };
    }
    return query;
  }

  const recordOnly =
    (api: string, note: (options: Record<string, unknown>) => void) =>
    (options: Callbacks & Record<string, unknown>) => {
      note(options);
      succeed(options, okMsg(api));
    };

  const api: Record<string, unknown> = {
    request,
    uploadFile,
    ...storageApi,
    getSystemInfoSync: () => host.realm.json(SYSTEM_INFO),
    getSystemInfo: (options: Callbacks) => succeed(options, SYSTEM_INFO),
    getFileSystemManager: () => fileSystemManager,
    compressImage,
    canvasToTempFilePath,
    createSelectorQuery,
    createCanvasContext: undefined,
    showToast: recordOnly('showToast', (o) =>
      host.record.toasts.push(String(isWeapp ? o.title : (o.content ?? o.title))),
    ),
    hideToast: recordOnly('hideToast', () => undefined),
    showLoading: recordOnly('showLoading', () => undefined),
    hideLoading: recordOnly('hideLoading', () => undefined),
    showModal(options: Callbacks & Record<string, unknown>) {
      host.record.modals.push({ title: String(options.title ?? ''), content: String(options.content ?? '') });
      const confirm = host.modalAnswers.shift() ?? true;
      succeed(options, { confirm, cancel: !confirm, ...okMsg('showModal') });
    },
    setClipboardData: recordOnly('setClipboardData', (o) => host.record.clipboard.push(String(o.data))),
    makePhoneCall: recordOnly('makePhoneCall', (o) => host.record.phoneCalls.push(String(o.phoneNumber ?? o.number))),
    openLocation: recordOnly('openLocation', (o) =>
      host.record.openedLocations.push({
        latitude: Number(o.latitude),
        longitude: Number(o.longitude),
        name: o.name as string | undefined,
      }),
    ),
    getLocation: (options: Callbacks) =>
      succeed(options, { latitude: 30.5053, longitude: 114.4012, accuracy: 30, ...okMsg('getLocation') }),
    scanCode(options: Callbacks) {
      host.record.scans += 1;
      const code = host.scanQueue.shift();
      if (code === undefined)
        return fail(options, isWeapp ? { errMsg: 'scanCode:fail cancel' } : { error: 10, errorMessage: '用户取消' });
      succeed(
        options,
        isWeapp
          ? { result: code, scanType: 'QR_CODE', charSet: 'utf-8', errMsg: 'scanCode:ok' }
          : { code, qrCode: code },
      );
    },
    navigateTo: (options: Callbacks & { url: string }) => navigation('navigateTo', options),
    redirectTo: (options: Callbacks & { url: string }) => navigation('redirectTo', options),
    switchTab: (options: Callbacks & { url: string }) => navigation('switchTab', options),
    reLaunch: (options: Callbacks & { url: string }) => navigation('reLaunch', options),
    navigateBack(options: Callbacks & { delta?: number } = {}) {
      host.navigateBack(options.delta ?? 1).then(
        () => succeed(options, okMsg('navigateBack')),
        (error: Error) => fail(options, failure('navigateBack', error.message)),
      );
    },
    nextTick: (fn: () => void) => host.later(fn),
    canIUse: (name: string) => typeof api[String(name).split('.')[0]] === 'function',
    onAppShow: () => undefined,
    onAppHide: () => undefined,
    offAppShow: () => undefined,
    offAppHide: () => undefined,
    onMemoryWarning: () => undefined,
    onNetworkStatusChange: () => undefined,
    offNetworkStatusChange: () => undefined,
    getNetworkType: (options: Callbacks) =>
      succeed(
        options,
        isWeapp
          ? { networkType: 'wifi', errMsg: 'getNetworkType:ok' }
          : { networkType: 'WIFI', networkAvailable: true },
      ),
    setNavigationBarTitle: recordOnly('setNavigationBarTitle', () => undefined),
    stopPullDownRefresh: recordOnly('stopPullDownRefresh', () => undefined),
    pageScrollTo: recordOnly('pageScrollTo', () => undefined),
    vibrateShort: recordOnly('vibrateShort', () => undefined),
    // Where an app may keep files of its own: a folder of this phone.
    env: { USER_DATA_PATH: userDataPath },
    getAccountInfoSync: () =>
      host.realm.json({ miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' } }),
  };

  /**
   * WeChat (base library ≥ 2.10.2): an async API called without success, fail and complete answers
   * with a Promise (rejected with the fail payload); with any of them, by callbacks and no return.
   */
  function promiseWithoutCallbacks<O extends Callbacks>(fn: (options: O) => void) {
    return (options: O = {} as O) => {
      if (options.success || options.fail || options.complete) return fn(options);
      return new Promise((resolve, reject) => fn({ ...options, success: resolve, fail: reject }));
    };
  }

  function navigation(kind: NavigationKind, options: Callbacks & { url: string }) {
    host.navigate(kind, options.url).then(
      () => succeed(options, okMsg(kind)),
      (error: Error) => fail(options, failure(kind, error.message)),
    );
  }

  if (isWeapp) {
    Object.assign(api, {
      login: (options: Callbacks) => succeed(options, { code: host.loginCode, errMsg: 'login:ok' }),
      // Not promisified by Taro on weapp: Taro passes the call through and WeChat answers a Promise.
      chooseMedia: promiseWithoutCallbacks(chooseMedia),
      chooseImage,
      chooseMessageFile: promiseWithoutCallbacks(chooseMessageFile),
      requestSubscribeMessage(options: Callbacks & { tmplIds: string[] }) {
        host.record.subscribeRequests.push([...options.tmplIds]);
        succeed(options, {
          errMsg: 'requestSubscribeMessage:ok',
          ...Object.fromEntries(options.tmplIds.map((id) => [id, 'accept'])),
        });
      },
      getPrivacySetting: (options: Callbacks) =>
        succeed(options, { needAuthorization: false, privacyContractName: '', errMsg: 'getPrivacySetting:ok' }),
      onNeedPrivacyAuthorization: () => undefined,
      getWindowInfo: () => host.realm.json(SYSTEM_INFO),
      getDeviceInfo: () => host.realm.json(SYSTEM_INFO),
      getAppBaseInfo: () => host.realm.json(SYSTEM_INFO),
      createCanvasContext: undefined,
    });
  } else {
    Object.assign(api, {
      getAuthCode: (options: Callbacks) =>
        succeed(options, { authCode: host.loginCode, authErrorScopes: {}, authSuccessScopes: ['auth_base'] }),
      chooseImage,
      requestSubscribeMessage(options: Callbacks & { entityIds: string[] }) {
        host.record.subscribeRequests.push([...(options.entityIds ?? [])]);
        succeed(options, {
          behavior: 'subscribe',
          keep: false,
          refuse: false,
          result: { subscribeEntityIds: options.entityIds ?? [] },
        });
      },
      httpRequest: request,
      alert: recordOnly('alert', (o) =>
        host.record.modals.push({ title: String(o.title ?? ''), content: String(o.content ?? '') }),
      ),
      confirm: (options: Callbacks & Record<string, unknown>) => {
        host.record.modals.push({ title: String(options.title ?? ''), content: String(options.content ?? '') });
        const confirm = host.modalAnswers.shift() ?? true;
        succeed(options, { confirm });
      },
      setClipboard: recordOnly('setClipboard', (o) => host.record.clipboard.push(String(o.text))),
    });
    // Taro turns showModal into my.confirm (my.alert without a cancel button) and scanCode into my.scan.
    api.scan = api.scanCode;
    for (const name of ['showModal', 'setClipboardData', 'scanCode', 'login']) delete api[name];
  }
  for (const [key, value] of Object.entries(api)) if (value === undefined) delete api[key];

  // A call to an API the shim lacks is recorded (and is undefined, as on a platform without it).
  return new Proxy(api, {
    get(target, key) {
      if (typeof key === 'string' && !(key in target) && !OWN_PROPERTIES.has(key) && !READ_NOT_USED.has(key)) {
        host.record.missingApis.push(key);
      }
      return target[key as string];
    },
  });
}

export function newCanvasNode(bytes: (n: number) => Uint8ClampedArray): Canvas2dNode {
  return new Canvas2dNode(bytes);
}
