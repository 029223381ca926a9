import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { CHUNKED_UPLOAD_THRESHOLD, type UploadedFile, type UploadPurpose } from '../../../types/contract';
import { chinaDayBounds } from '../../../src/lib/china-time';
import { ApiError, fieldError, notFound, rateLimited } from '../http/api-error';
import { sha256Hex } from '../commitments/canonical-json';
import type { UploadRow, UploadStore } from '../store/upload-store';
import { assessSignatureInk } from './signature-ink';
import { MAX_PNG_SIDE, decodePng, hasPngSignature, pngHeaderSize } from './png';
import {
  DAILY_MATERIAL_UPLOADS,
  MATERIAL_MESSAGES,
  checkFileName,
  checkMaterialSize,
  inspectMaterialBytes,
} from './material-file';

/** Files are kept under `<dataDir>/files/<id>`, the id being 32 random hex digits. */
export const FILES_DIR = 'files';
export const SIGNATURE_MAX_BYTES = 512 * 1024;
export const SIGNATURE_MIN_WIDTH = 100;
export const SIGNATURE_MIN_HEIGHT = 50;
/** Signature uploads per user per China calendar day. */
export const DAILY_SIGNATURE_UPLOADS = 20;
/** The largest material file sent in one request; from CHUNKED_UPLOAD_THRESHOLD on, upload sessions. */
export const MATERIAL_SINGLE_MAX_BYTES = CHUNKED_UPLOAD_THRESHOLD - 1;

const FILE_ID = /^[0-9a-f]{32}$/;

/** The refusals, word for word (the app shows them as they are; tests pin them). */
export const UPLOAD_MESSAGES = {
  notFound: '没有找到这个文件',
  tooLarge: '签名图片不能超过 512 KB，请重新签名',
  empty: '上传的文件是空的，请重新签名',
  notPng: '签名图片须为 PNG 格式',
  corrupted: '签名图片已损坏，无法读取，请重新签名',
  tooSmall: `签名图片尺寸过小（至少 ${SIGNATURE_MIN_WIDTH}×${SIGNATURE_MIN_HEIGHT} 像素），请重新签名`,
  tooBig: `签名图片尺寸过大（不超过 ${MAX_PNG_SIDE}×${MAX_PNG_SIDE} 像素）`,
  dailyLimit: '今天上传签名的次数已达上限，请明天再试',
  purposeMissing: '请先提交上传用途（purpose），再提交文件',
  purposeUnknown: '上传用途无效，可选：signature、material',
  purposeTwice: '只能提交一个上传用途（purpose）',
  fileNameTwice: '只能提交一个文件名（fileName）',
  fileMissing: '请选择要上传的文件',
  oneFile: '每次只能上传一个文件',
  notMultipart: '请以 multipart/form-data 格式上传文件',
} as const;

export interface UploadDeps {
  db: Database;
  uploads: UploadStore;
  dataDir: string;
  now: () => Date;
}

export function uploadView(row: UploadRow): UploadedFile {
  const view: UploadedFile = {
    id: row.id,
    purpose: row.purpose,
    mime: row.mime,
    size: row.size,
    sha256: row.sha256,
  };
  if (row.name !== null) view.name = row.name;
  if (row.width !== null) view.width = row.width;
  if (row.height !== null) view.height = row.height;
  return view;
}

/** Checks a signature PNG by its content; returns its size in pixels or throws a field error on `file`. */
export function checkSignaturePng(bytes: Buffer): { width: number; height: number } {
  if (bytes.length === 0) throw fieldError('file', UPLOAD_MESSAGES.empty);
  if (bytes.length > SIGNATURE_MAX_BYTES) throw new ApiError('PAYLOAD_TOO_LARGE', UPLOAD_MESSAGES.tooLarge);
  if (!hasPngSignature(bytes)) throw fieldError('file', UPLOAD_MESSAGES.notPng);
  const header = pngHeaderSize(bytes);
  if (!header) throw fieldError('file', UPLOAD_MESSAGES.corrupted);
  if (header.width > MAX_PNG_SIDE || header.height > MAX_PNG_SIDE) throw fieldError('file', UPLOAD_MESSAGES.tooBig);
  if (header.width < SIGNATURE_MIN_WIDTH || header.height < SIGNATURE_MIN_HEIGHT) {
    throw fieldError('file', UPLOAD_MESSAGES.tooSmall);
  }
  let decoded;
  try {
    decoded = decodePng(bytes);
  } catch {
    throw fieldError('file', UPLOAD_MESSAGES.corrupted);
  }
  const ink = assessSignatureInk(decoded.rgba, decoded.width, decoded.height);
  if (!ink.ok) throw fieldError('file', ink.reason ?? UPLOAD_MESSAGES.corrupted);
  return { width: decoded.width, height: decoded.height };
}

/** Uploads: checked by content, stored under a random name, served to the owner (and officers) only. */
export class UploadService {
  private readonly dir: string;

  constructor(private readonly deps: UploadDeps) {
    this.dir = path.join(deps.dataDir, FILES_DIR);
  }

  /** Where an upload's bytes are; undefined for anything that is not a well-formed id (no path tricks). */
  filePath(id: string): string | undefined {
    return FILE_ID.test(id) ? path.join(this.dir, id) : undefined;
  }

  /** 429 when the user has used up today's uploads of this purpose. */
  checkQuota(userId: string, purpose: UploadPurpose): void {
    const now = this.deps.now();
    const today = chinaDayBounds(now);
    const [limit, message] =
      purpose === 'material'
        ? [DAILY_MATERIAL_UPLOADS, MATERIAL_MESSAGES.dailyLimit]
        : [DAILY_SIGNATURE_UPLOADS, UPLOAD_MESSAGES.dailyLimit];
    if (this.deps.uploads.countSince(userId, purpose, today.start) >= limit) {
      throw rateLimited((today.end - now.getTime()) / 1000, message);
    }
  }

  /** A fresh random file id (the storage name; nothing of the client's goes into it). */
  newFileId(): string {
    return randomBytes(16).toString('hex');
  }

  /** Creates `<dataDir>/files` (owner-only) and returns it. */
  ensureDir(): string {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    return this.dir;
  }

  /**
   * Checks and stores one file for the user. A signature is judged as before (PNG with ink); a
   * material file by its content (JPEG, PNG or PDF, intact) and keeps `name` for display.
   */
  accept(userId: string, purpose: UploadPurpose, bytes: Buffer, name?: string): UploadedFile {
    this.checkQuota(userId, purpose);
    const id = this.newFileId();
    let row: UploadRow;
    if (purpose === 'material') {
      const displayName = checkFileName(name);
      if (bytes.length === 0) throw fieldError('file', MATERIAL_MESSAGES.empty);
      if (bytes.length > MATERIAL_SINGLE_MAX_BYTES) {
        throw new ApiError('PAYLOAD_TOO_LARGE', MATERIAL_MESSAGES.useChunks, {
          fields: [{ field: 'file', message: MATERIAL_MESSAGES.useChunks }],
        });
      }
      const content = inspectMaterialBytes(bytes, 'file');
      checkMaterialSize(content.mime, bytes.length, 'file');
      row = {
        id,
        user_id: userId,
        purpose,
        mime: content.mime,
        size: bytes.length,
        sha256: sha256Hex(bytes),
        width: content.width ?? null,
        height: content.height ?? null,
        name: displayName,
        created_at: this.deps.now().getTime(),
      };
    } else {
      const { width, height } = checkSignaturePng(bytes);
      row = {
        id,
        user_id: userId,
        purpose,
        mime: 'image/png',
        size: bytes.length,
        sha256: sha256Hex(bytes),
        width,
        height,
        name: null,
        created_at: this.deps.now().getTime(),
      };
    }
    const target = this.filePath(id) as string;
    this.ensureDir();
    const temp = `${target}.part`;
    fs.writeFileSync(temp, bytes, { flag: 'wx', mode: 0o600 });
    fs.renameSync(temp, target);
    try {
      this.deps.db.transaction(() => {
        // Counted again inside the write: two parallel uploads cannot both take the last place.
        this.checkQuota(userId, purpose);
        this.deps.uploads.insert(row);
      })();
    } catch (error) {
      fs.rmSync(target, { force: true });
      throw error;
    }
    return uploadView(row);
  }

  /** The stored bytes of an upload row, or undefined when the file is gone. */
  bytes(row: UploadRow): Buffer | undefined {
    const file = this.filePath(row.id);
    if (!file) return undefined;
    try {
      return fs.readFileSync(file);
    } catch {
      return undefined;
    }
  }

  /**
   * Where the upload's bytes are, for its owner or an officer (`userId` undefined); 404 otherwise.
   * Material files run to 30 MB: the route streams them from here instead of reading them whole.
   */
  locate(id: string, userId: string | undefined): { row: UploadRow; file: string; size: number } {
    const file = this.filePath(id);
    const row = file
      ? userId === undefined
        ? this.deps.uploads.get(id)
        : this.deps.uploads.getForUser(userId, id)
      : undefined;
    let size: number | undefined;
    try {
      size = row && file ? fs.statSync(file).size : undefined;
    } catch {
      size = undefined;
    }
    if (!row || !file || size === undefined) throw notFound(UPLOAD_MESSAGES.notFound);
    return { row, file, size };
  }

  /** The upload for its owner, or for an officer (`userId` undefined); 404 otherwise. */
  read(id: string, userId: string | undefined): { row: UploadRow; bytes: Buffer } {
    const row = this.filePath(id)
      ? userId === undefined
        ? this.deps.uploads.get(id)
        : this.deps.uploads.getForUser(userId, id)
      : undefined;
    const bytes = row && this.bytes(row);
    if (!row || !bytes) throw notFound(UPLOAD_MESSAGES.notFound);
    return { row, bytes };
  }
}
