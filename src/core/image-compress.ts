import Taro from '@tarojs/taro';
import { localFileSize, type LocalFile } from './upload';

/**
 * Photos are compressed on the phone before they go up: on a weak 4G link a 6 MB camera photo is a
 * minute, its compressed copy a few seconds, and the officer reads a document just as well at 2560 px.
 * Every way out of here is "a smaller file, or undefined (send the original)": compression is an
 * optimisation and never the reason an upload fails.
 */
export interface CompressedImage {
  file: LocalFile;
  size: number;
}

/** JPEG quality: 80 keeps small print legible while roughly halving a camera photo. */
const QUALITY = 80;
/** H5 re-encodes only files above this, or images larger than MAX_SIDE. */
const H5_SIZE_TRIGGER = 1024 * 1024;
const MAX_SIDE = 2560;
/** A decode that never finishes (a broken file, an engine without the codec) gives up here. */
const DECODE_TIMEOUT_MS = 10000;

function jpegName(name: string): string {
  const base = name.replace(/\.[^./\\]*$/, '');
  return `${base || 'image'}.jpg`;
}

async function smallerOnly(candidate: LocalFile, originalSize: number): Promise<CompressedImage | undefined> {
  const size = await localFileSize(candidate);
  return size > 0 && size < originalSize ? { file: candidate, size } : undefined;
}

// --- Mini-programs ---

interface AlipayCompressOption {
  filePaths: string[];
  apFilePaths: string[];
  /** 0 低 … 2 高质量, 3 不压缩, 4 按网络 */
  compressLevel: number;
}
interface AlipayCompressResult {
  filePaths?: string[];
  apFilePaths?: string[];
}

async function compressOnMini(file: LocalFile & { kind: 'path' }, size: number): Promise<CompressedImage | undefined> {
  let path: string | undefined;
  if (process.env.TARO_ENV === 'alipay') {
    // my.compressImage takes a list and a level, not Taro's {src, quality}; Taro passes options through.
    const compress = Taro.compressImage as unknown as (option: AlipayCompressOption) => Promise<AlipayCompressResult>;
    const result = await compress({ filePaths: [file.path], apFilePaths: [file.path], compressLevel: 2 });
    path = result.filePaths?.[0] ?? result.apFilePaths?.[0];
  } else {
    path = (await Taro.compressImage({ src: file.path, quality: QUALITY })).tempFilePath;
  }
  if (!path || path === file.path) return undefined;
  return smallerOnly({ kind: 'path', path, name: jpegName(file.name) }, size);
}

// --- H5 ---

interface DecodedImage {
  source: CanvasImageSource;
  width: number;
  height: number;
  release: () => void;
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('decode timeout')), DECODE_TIMEOUT_MS);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

async function decode(blob: Blob): Promise<DecodedImage> {
  if (typeof createImageBitmap === 'function') {
    try {
      // 'from-image' applies the EXIF rotation, so a portrait phone photo stays upright.
      const bitmap = await withTimeout(createImageBitmap(blob, { imageOrientation: 'from-image' }));
      return { source: bitmap, width: bitmap.width, height: bitmap.height, release: () => bitmap.close() };
    } catch {
      // Older engines refuse the options bag or the format: try an <img> instead.
    }
  }
  const url = URL.createObjectURL(blob);
  try {
    const image = await withTimeout(
      new Promise<HTMLImageElement>((resolve, reject) => {
        const img = new Image();
        img.onload = () => resolve(img);
        img.onerror = () => reject(new Error('decode failed'));
        img.src = url;
      }),
    );
    return {
      source: image,
      width: image.naturalWidth,
      height: image.naturalHeight,
      release: () => URL.revokeObjectURL(url),
    };
  } catch (error) {
    URL.revokeObjectURL(url);
    throw error;
  }
}

function canvasToJpeg(canvas: HTMLCanvasElement): Promise<Blob | null> {
  return new Promise((resolve) => {
    if (typeof canvas.toBlob === 'function') {
      canvas.toBlob(resolve, 'image/jpeg', QUALITY / 100);
      return;
    }
    // Very old WebViews: go through a data URL.
    const dataUrl = canvas.toDataURL('image/jpeg', QUALITY / 100);
    const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    resolve(bytes.length > 0 ? new Blob([bytes], { type: 'image/jpeg' }) : null);
  });
}

async function compressOnH5(file: LocalFile & { kind: 'blob' }, size: number): Promise<CompressedImage | undefined> {
  const decoded = await decode(file.blob);
  try {
    const longSide = Math.max(decoded.width, decoded.height);
    if (longSide === 0) return undefined;
    if (size <= H5_SIZE_TRIGGER && longSide <= MAX_SIDE) return undefined;
    const scale = Math.min(1, MAX_SIDE / longSide);
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(decoded.width * scale));
    canvas.height = Math.max(1, Math.round(decoded.height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) return undefined;
    // JPEG has no transparency: a PNG's transparent parts would turn black without a white ground.
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(decoded.source, 0, 0, canvas.width, canvas.height);
    const jpeg = await canvasToJpeg(canvas);
    if (!jpeg || jpeg.size === 0 || jpeg.size >= size) return undefined;
    return { file: { kind: 'blob', blob: jpeg, name: jpegName(file.name) }, size: jpeg.size };
  } finally {
    decoded.release();
  }
}

/**
 * A smaller copy of a JPEG or PNG photo (re-encoded as JPEG, at most 2560 px on the longer side on
 * H5), or undefined when the original should be sent as it is: compression did not shrink it, the
 * platform cannot decode it, or it failed. The caller checks the copy's type by its content.
 */
export async function compressImage(file: LocalFile, size: number): Promise<CompressedImage | undefined> {
  try {
    if (process.env.TARO_ENV === 'h5') {
      return file.kind === 'blob' ? await compressOnH5(file, size) : undefined;
    }
    return file.kind === 'path' ? await compressOnMini(file, size) : undefined;
  } catch {
    return undefined;
  }
}
