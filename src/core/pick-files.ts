import Taro from '@tarojs/taro';
import type { MaterialFileType } from '@contract/prereview';
import { ApiError } from './http/api-error';
import type { LocalFile } from './upload';

/**
 * Choosing material files on each platform. What comes back is only what the user picked and what
 * the platform says about it: the type is a hint from the name or the browser, and
 * `checkMaterialFile` (material-upload.ts) reads the real type from the bytes before anything is sent.
 */
export interface PickedFile {
  file: LocalFile;
  name: string;
  size: number;
  mime: MaterialFileType | undefined;
}

export type PickSource = 'camera' | 'album' | 'pdf';

/** Platform limits on one pick (weapp chooseMedia / alipay chooseImage take at most 9 images). */
const MAX_IMAGES_PER_PICK = 9;
const MAX_FILES_PER_PICK = 100;

const PDF_UNAVAILABLE_ON_ALIPAY = '支付宝小程序暂不支持选择 PDF，请拍照上传或在微信/网页端上传';

function mimeFromName(name: string): MaterialFileType | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'jpg' || ext === 'jpeg') return 'image/jpeg';
  if (ext === 'png') return 'image/png';
  if (ext === 'pdf') return 'application/pdf';
  return undefined;
}

/** A camera photo has a temp name like `tmp_ab12.jpg`: give it one a person can read. */
function photoName(path: string, index: number): string {
  const ext = mimeFromName(path) === 'image/png' ? 'png' : 'jpg';
  return `照片${index + 1}.${ext}`;
}

function clampCount(count: number, max: number): number {
  return Math.min(max, Math.max(1, Math.floor(count) || 1));
}

function errMsg(error: unknown): string {
  return String((error as { errMsg?: string; errorMessage?: string } | undefined)?.errMsg ?? error ?? '');
}

/** The user closed the picker: that is a choice, not an error. */
function isCancel(error: unknown): boolean {
  // weapp: "chooseMedia:fail cancel"; alipay: error 11 / "用户取消"
  const message = errMsg(error);
  const code = (error as { error?: number } | undefined)?.error;
  return /cancel/i.test(message) || /取消/.test(message) || code === 11;
}

function pickFailure(error: unknown, source: PickSource): ApiError {
  const message = errMsg(error);
  if (/auth|permission|authorize|denied/i.test(message)) {
    return new ApiError({
      code: 'FORBIDDEN',
      message:
        source === 'camera'
          ? '未获得相机权限，请在设置中允许使用相机后重试'
          : '未获得相册权限，请在设置中允许访问相册后重试',
    });
  }
  return new ApiError({ code: 'BAD_REQUEST', message: '选择文件失败，请重试' });
}

// --- weapp ---

async function pickOnWeapp(source: PickSource, count: number): Promise<PickedFile[]> {
  if (source === 'pdf') {
    const res = await Taro.chooseMessageFile({
      count: clampCount(count, MAX_FILES_PER_PICK),
      type: 'file',
      extension: ['pdf'],
    });
    return res.tempFiles.map((f) => ({
      file: { kind: 'path', path: f.path, name: f.name },
      name: f.name,
      size: f.size,
      mime: mimeFromName(f.name) ?? mimeFromName(f.path),
    }));
  }
  const res = await Taro.chooseMedia({
    count: clampCount(count, MAX_IMAGES_PER_PICK),
    mediaType: ['image'],
    sourceType: [source],
    sizeType: ['compressed'],
  });
  return res.tempFiles.map((f, index) => {
    const name = photoName(f.tempFilePath, index);
    return {
      file: { kind: 'path', path: f.tempFilePath, name },
      name,
      size: f.size,
      mime: mimeFromName(f.tempFilePath),
    };
  });
}

// --- alipay ---

interface AlipayImageFile {
  path: string;
  size?: number;
}

function fileSizeOf(path: string): Promise<number> {
  return new Promise((resolve) => {
    Taro.getFileSystemManager().getFileInfo({
      filePath: path,
      success: (res) => resolve(res.size),
      // Unknown size: checkMaterialFile reads the file itself and decides.
      fail: () => resolve(0),
    });
  });
}

async function pickOnAlipay(source: PickSource, count: number): Promise<PickedFile[]> {
  if (source === 'pdf') throw new ApiError({ code: 'BAD_REQUEST', message: PDF_UNAVAILABLE_ON_ALIPAY });
  const res = await Taro.chooseImage({
    count: clampCount(count, MAX_IMAGES_PER_PICK),
    sourceType: [source],
    sizeType: ['compressed'],
  });
  // Older Alipay base libraries answer with paths only (no tempFiles): ask the file system for sizes.
  const files: AlipayImageFile[] =
    (res.tempFiles as AlipayImageFile[] | undefined)?.filter((f) => Boolean(f?.path)) ??
    (res.tempFilePaths ?? []).map((path) => ({ path }));
  return Promise.all(
    files.map(async (f, index) => {
      const name = photoName(f.path, index);
      const size = typeof f.size === 'number' && f.size > 0 ? f.size : await fileSizeOf(f.path);
      return { file: { kind: 'path', path: f.path, name }, name, size, mime: mimeFromName(f.path) } as PickedFile;
    }),
  );
}

// --- H5 ---

/**
 * Older browsers never tell a page that the file dialog was closed without a choice (the `cancel`
 * event on file inputs is recent). There, the window getting focus back with no file chosen a little
 * later counts as a cancel; files already on the input by then count as chosen.
 */
const H5_CANCEL_GRACE_MS = 1500;

function fromBrowserFile(file: File): PickedFile {
  const declared = file.type;
  const mime =
    declared === 'image/jpeg' || declared === 'image/png' || declared === 'application/pdf'
      ? declared
      : mimeFromName(file.name);
  return { file: { kind: 'blob', blob: file, name: file.name }, name: file.name, size: file.size, mime };
}

function pickOnH5(source: PickSource, count: number): Promise<PickedFile[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = source === 'pdf' ? 'application/pdf,.pdf' : source === 'camera' ? 'image/*' : 'image/jpeg,image/png';
    if (source === 'camera') input.setAttribute('capture', 'environment');
    input.multiple = source !== 'camera' && count > 1;
    // Kept in the document (but invisible): iOS Safari ignores clicks on a detached file input.
    input.style.cssText = 'position:fixed;left:-1000px;top:0;width:1px;height:1px;opacity:0;';
    let settled = false;
    let focusTimer: ReturnType<typeof setTimeout> | undefined;
    const chosen = () =>
      Array.from(input.files ?? [])
        .slice(0, clampCount(count, MAX_FILES_PER_PICK))
        .map(fromBrowserFile);
    const finish = (files: PickedFile[]) => {
      if (settled) return;
      settled = true;
      clearTimeout(focusTimer);
      window.removeEventListener('focus', onFocus);
      input.remove();
      resolve(files);
    };
    function onFocus() {
      clearTimeout(focusTimer);
      focusTimer = setTimeout(() => finish(chosen()), H5_CANCEL_GRACE_MS);
    }
    input.addEventListener('change', () => finish(chosen()));
    input.addEventListener('cancel', () => finish([]));
    window.addEventListener('focus', onFocus);
    document.body.appendChild(input);
    input.click();
  });
}

/**
 * Lets the user pick up to `count` material files: photos from the camera or the album, or PDFs
 * (chat files on WeChat, the file picker on H5; not available on Alipay). Cancelling resolves to [];
 * a refused permission or an unavailable source rejects with an ApiError whose message can be shown.
 */
export async function pickMaterialFiles(options: { source: PickSource; count: number }): Promise<PickedFile[]> {
  const { source, count } = options;
  if (process.env.TARO_ENV === 'h5') return pickOnH5(source, count);
  try {
    if (process.env.TARO_ENV === 'alipay') return await pickOnAlipay(source, count);
    return await pickOnWeapp(source, count);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (isCancel(error)) return [];
    throw pickFailure(error, source);
  }
}
