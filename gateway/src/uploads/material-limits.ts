/**
 * Limits for 申报材料 (application material) files. Shared by the upload
 * routes and the pre-review spec endpoint so the app shows the same numbers
 * the gateway enforces.
 */
export const MATERIAL_LIMITS = {
  maxImageBytes: 10 * 1024 * 1024,
  maxPdfBytes: 30 * 1024 * 1024,
  maxFilesPerMaterial: 9,
  accept: ['image/jpeg', 'image/png', 'application/pdf'] as const,
};

/** Size of every chunk of a chunked upload session except the last. */
export const UPLOAD_CHUNK_BYTES = 1024 * 1024;
