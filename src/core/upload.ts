import Taro from '@tarojs/taro';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { UploadedFile, UploadPurpose } from '@contract/upload';
import { env } from './env';
import { ApiError, isApiError } from './http/api-error';
import { envelopeData, refreshTokens, request } from './http/client';
import { session } from './session';

/**
 * A file to send: on mini-programs a temp file path from the platform (canvas export, camera,
 * chat file); on H5 a Blob.
 */
export type LocalFile = { kind: 'path'; path: string; name: string } | { kind: 'blob'; blob: Blob; name: string };

/** The file's bytes, read on the phone (to hash them before they leave it). */
export async function readLocalFile(file: LocalFile): Promise<ArrayBuffer> {
  if (file.kind === 'blob') return file.blob.arrayBuffer();
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: file.path,
      success: (res) => resolve(res.data as ArrayBuffer),
      fail: () => reject(new ApiError({ code: 'BAD_REQUEST', message: '无法读取文件，请重新选择' })),
    });
  });
}

/** Lower-case hex SHA-256, the form the gateway reports and checks. */
export function sha256Hex(bytes: ArrayBuffer): string {
  return bytesToHex(sha256(new Uint8Array(bytes)));
}

function uploadFromPath(path: string, purpose: UploadPurpose): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const token = session.get().tokens?.accessToken;
    Taro.uploadFile({
      url: `${env.apiOrigin}/api/uploads`,
      filePath: path,
      name: 'file',
      formData: { purpose },
      header: token ? { Authorization: `Bearer ${token}` } : {},
      success: (res) => {
        try {
          resolve(envelopeData<UploadedFile>(res.statusCode, res.data));
        } catch (error) {
          reject(error);
        }
      },
      fail: () => reject(new ApiError({ code: 'NETWORK', message: '上传失败，请检查网络后重试' })),
    });
  });
}

function uploadBlob(blob: Blob, name: string, purpose: UploadPurpose): Promise<UploadedFile> {
  const form = new FormData();
  // The gateway reads the purpose before the file, to apply that purpose's checks.
  form.append('purpose', purpose);
  form.append('file', blob, name);
  return request<UploadedFile>({ url: '/uploads', method: 'POST', data: form, timeout: 60000 });
}

/**
 * Sends one file through the gateway's upload endpoint; the gateway checks its content, size and
 * count. On mini-programs an expired token is refreshed and the upload tried once more.
 */
export async function uploadFile(file: LocalFile, purpose: UploadPurpose): Promise<UploadedFile> {
  if (file.kind === 'blob') return uploadBlob(file.blob, file.name, purpose);
  try {
    return await uploadFromPath(file.path, purpose);
  } catch (error) {
    if (!isApiError(error) || error.code !== 'TOKEN_EXPIRED') throw error;
    await refreshTokens();
    return uploadFromPath(file.path, purpose);
  }
}
