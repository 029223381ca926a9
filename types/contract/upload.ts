import { Type, type Static } from '@sinclair/typebox';

/**
 * `POST /api/uploads` (multipart/form-data: `purpose` field, then one `file` part). The gateway
 * checks the content (magic bytes), size and count per purpose, stores the file under a random
 * name and serves it only to its owner and to officers.
 */
export const UploadPurpose = Type.Union([
  Type.Literal('signature'), // 告知承诺 handwriting: PNG ≤ 512 KB with enough ink
  Type.Literal('material'), // 申报材料: JPEG, PNG or PDF below CHUNKED_UPLOAD_THRESHOLD (larger ones: upload sessions)
]);
export type UploadPurpose = Static<typeof UploadPurpose>;

export const UploadedFile = Type.Object({
  id: Type.String(),
  purpose: UploadPurpose,
  mime: Type.String(),
  size: Type.Integer({ minimum: 1 }),
  /** Lower-case hex SHA-256 of the stored bytes. */
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  /** The file name the user chose (material files); shown, never used to store or find the file. */
  name: Type.Optional(Type.String()),
  width: Type.Optional(Type.Integer()),
  height: Type.Optional(Type.Integer()),
});
export type UploadedFile = Static<typeof UploadedFile>;
