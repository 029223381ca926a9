import Taro from '@tarojs/taro';
import { readStored, writeStored } from './storage';
import { blobToArrayBuffer, type LocalFile } from './upload';

/**
 * Keeps a picked file reachable after the app is killed, so a half-done upload resumes instead of
 * asking the user to find the file again. The platforms' own handles do not survive: a mini-program
 * temp path may be cleaned once the app is gone, and an H5 `File` dies with the page.
 *
 * - Mini-programs: the file is copied under `USER_DATA_PATH/hsz-pending/` (the platform's per-app
 *   storage, 200 MB on WeChat) and its path recorded in local storage.
 * - H5: the Blob is stored in IndexedDB; where IndexedDB is missing or refuses (private mode, old
 *   WebViews) the file is kept in memory only, which covers a dropped connection but not a reload.
 *
 * Keys are random; the draft stores them next to the material. Forget a file once the case no longer
 * needs it (uploaded and submitted, or removed by the user).
 */
export interface KeptFile {
  key: string;
  file: LocalFile;
  /** False when it lives only in memory (H5 without IndexedDB): it will not survive a reload. */
  persisted: boolean;
}

interface MiniRecord {
  path: string;
  name: string;
  savedAt: number;
}

const MINI_INDEX_KEY = 'pending-files';
const DB_NAME = 'hsz-pending-files';
const STORE = 'files';

const isMiniIndex = (value: unknown): value is Record<string, MiniRecord> =>
  typeof value === 'object' &&
  value !== null &&
  Object.values(value).every(
    (r) => typeof (r as MiniRecord)?.path === 'string' && typeof (r as MiniRecord)?.name === 'string',
  );

function newKey(): string {
  const random = Math.random().toString(36).slice(2, 10);
  return `${Date.now().toString(36)}${random}`;
}

/** Only these characters end up in a mini-program file path. */
const isSafeKey = (key: string) => /^[a-z0-9]{1,40}$/.test(key);

const memory = new Map<string, LocalFile>();

// --- Mini-programs ---

function miniIndex(): Record<string, MiniRecord> {
  return readStored(MINI_INDEX_KEY, isMiniIndex) ?? {};
}

function pendingDir(): string {
  return `${Taro.env.USER_DATA_PATH}/hsz-pending`;
}

function ensureDir(dir: string): Promise<void> {
  return new Promise((resolve) => {
    Taro.getFileSystemManager().mkdir({
      dirPath: dir,
      recursive: true,
      // "already exists" is the common case; a real failure shows up in saveFile.
      complete: () => resolve(),
    });
  });
}

function extensionOf(name: string): string {
  const ext = /\.([a-z0-9]{1,5})$/i.exec(name)?.[1];
  return ext ? `.${ext.toLowerCase()}` : '';
}

async function keepOnMini(file: LocalFile & { kind: 'path' }): Promise<KeptFile> {
  const key = newKey();
  const dir = pendingDir();
  await ensureDir(dir);
  const target = `${dir}/${key}${extensionOf(file.name)}`;
  // A copy, not saveFile: saveFile moves the temp file, and the caller may still be uploading from
  // (or previewing) the picked path.
  const savedPath = await new Promise<string | undefined>((resolve) => {
    Taro.getFileSystemManager().copyFile({
      srcPath: file.path,
      destPath: target,
      success: () => resolve(target),
      // Storage full or the path refused: the upload can still go from the temp path.
      fail: () => resolve(undefined),
    });
  });
  if (!savedPath) {
    memory.set(key, file);
    return { key, file, persisted: false };
  }
  writeStored(MINI_INDEX_KEY, { ...miniIndex(), [key]: { path: savedPath, name: file.name, savedAt: Date.now() } });
  return { key, file: { kind: 'path', path: savedPath, name: file.name }, persisted: true };
}

function existsOnMini(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    Taro.getFileSystemManager().access({ path, success: () => resolve(true), fail: () => resolve(false) });
  });
}

async function restoreOnMini(key: string): Promise<LocalFile | undefined> {
  const record = miniIndex()[key];
  if (!record) return undefined;
  if (await existsOnMini(record.path)) return { kind: 'path', path: record.path, name: record.name };
  forgetOnMini(key);
  return undefined;
}

function forgetOnMini(key: string): void {
  const index = miniIndex();
  const record = index[key];
  if (!record) return;
  delete index[key];
  writeStored(MINI_INDEX_KEY, index);
  Taro.getFileSystemManager().unlink({ filePath: record.path, fail: () => undefined });
}

// --- H5 (IndexedDB) ---

interface StoredBlob {
  blob?: Blob;
  /** Engines that cannot clone a Blob into IndexedDB (old iOS WebViews) get the bytes instead. */
  bytes?: ArrayBuffer;
  type: string;
  name: string;
  savedAt: number;
}

let dbPromise: Promise<IDBDatabase | undefined> | undefined;

function openDb(): Promise<IDBDatabase | undefined> {
  dbPromise ??= new Promise((resolve) => {
    if (typeof indexedDB === 'undefined') return resolve(undefined);
    try {
      const open = indexedDB.open(DB_NAME, 1);
      open.onupgradeneeded = () => open.result.createObjectStore(STORE);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => resolve(undefined);
      open.onblocked = () => resolve(undefined);
    } catch {
      resolve(undefined);
    }
  });
  return dbPromise;
}

function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T | undefined> {
  return openDb().then(
    (db) =>
      new Promise<T | undefined>((resolve, reject) => {
        if (!db) return resolve(undefined);
        try {
          const tx = db.transaction(STORE, mode);
          const req = work(tx.objectStore(STORE));
          tx.oncomplete = () => resolve(req.result);
          tx.onerror = () => reject(tx.error ?? new Error('indexeddb'));
          tx.onabort = () => reject(tx.error ?? new Error('indexeddb'));
        } catch (error) {
          reject(error);
        }
      }),
  );
}

async function putBlob(key: string, file: LocalFile & { kind: 'blob' }): Promise<boolean> {
  const base = { type: file.blob.type, name: file.name, savedAt: Date.now() };
  if (!(await openDb())) return false;
  try {
    await run('readwrite', (store) => store.put({ ...base, blob: file.blob } satisfies StoredBlob, key));
    return true;
  } catch {
    try {
      const bytes = await blobToArrayBuffer(file.blob);
      await run('readwrite', (store) => store.put({ ...base, bytes } satisfies StoredBlob, key));
      return true;
    } catch {
      return false;
    }
  }
}

async function keepOnH5(file: LocalFile & { kind: 'blob' }): Promise<KeptFile> {
  const key = newKey();
  memory.set(key, file);
  return { key, file, persisted: await putBlob(key, file) };
}

async function restoreOnH5(key: string): Promise<LocalFile | undefined> {
  try {
    const stored = (await run('readonly', (store) => store.get(key))) as StoredBlob | undefined;
    if (!stored) return undefined;
    const blob = stored.blob ?? (stored.bytes ? new Blob([stored.bytes], { type: stored.type }) : undefined);
    return blob ? { kind: 'blob', blob, name: stored.name } : undefined;
  } catch {
    return undefined;
  }
}

async function keysOnH5(): Promise<string[]> {
  try {
    const keys = await run('readonly', (store) => store.getAllKeys());
    return (keys ?? []).filter((k): k is string => typeof k === 'string');
  } catch {
    return [];
  }
}

// --- API ---

/**
 * Makes the file survive an app restart. The picked file stays usable; the returned `file` is the
 * kept copy (what `restoreFile(key)` gives back later).
 */
export async function keepFile(file: LocalFile): Promise<KeptFile> {
  if (process.env.TARO_ENV === 'h5') {
    return file.kind === 'blob' ? keepOnH5(file) : { key: newKey(), file, persisted: false };
  }
  return file.kind === 'path' ? keepOnMini(file) : { key: newKey(), file, persisted: false };
}

/** The kept file, or undefined when it is gone (forgotten, cleaned by the platform, other device). */
export async function restoreFile(key: string): Promise<LocalFile | undefined> {
  const inMemory = memory.get(key);
  if (inMemory) return inMemory;
  if (!isSafeKey(key)) return undefined;
  return process.env.TARO_ENV === 'h5' ? restoreOnH5(key) : restoreOnMini(key);
}

/** Frees the kept copy (no error when it is already gone). */
export async function forgetFile(key: string): Promise<void> {
  memory.delete(key);
  if (!isSafeKey(key)) return;
  if (process.env.TARO_ENV === 'h5') {
    try {
      await run('readwrite', (store) => store.delete(key));
    } catch {
      // Already gone, or IndexedDB unavailable: nothing kept.
    }
    return;
  }
  forgetOnMini(key);
}

/**
 * Forgets every kept file whose key is not in `inUse` (e.g. on start, with the keys the saved
 * drafts still mention), so abandoned drafts do not fill the phone's storage.
 */
export async function forgetFilesExcept(inUse: readonly string[]): Promise<void> {
  const keep = new Set(inUse);
  const keys = process.env.TARO_ENV === 'h5' ? await keysOnH5() : Object.keys(miniIndex());
  for (const key of [...keys, ...memory.keys()]) if (!keep.has(key)) await forgetFile(key);
}
