import fs from 'node:fs';

/**
 * Random access to a file's bytes, whether they are in memory (a single upload) or in a part file
 * on disk (a completed session, up to 30 MB, never read into memory whole).
 */
export interface ByteSource {
  readonly size: number;
  /** Up to `length` bytes from `offset` (fewer at the end of the file). */
  read(offset: number, length: number): Buffer;
}

export function bufferSource(bytes: Buffer): ByteSource {
  return {
    size: bytes.length,
    read: (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
  };
}

/** Runs `inspect` over the file opened read-only, and closes it whatever happens. */
export function withFileSource<T>(file: string, inspect: (source: ByteSource) => T): T {
  const fd = fs.openSync(file, 'r');
  try {
    const { size } = fs.fstatSync(fd);
    return inspect({
      size,
      read: (offset, length) => {
        const wanted = Math.max(0, Math.min(length, size - offset));
        const buffer = Buffer.alloc(wanted);
        let got = 0;
        while (got < wanted) {
          const n = fs.readSync(fd, buffer, got, wanted - got, offset + got);
          if (n === 0) break;
          got += n;
        }
        return buffer.subarray(0, got);
      },
    });
  } finally {
    fs.closeSync(fd);
  }
}

/** Pieces of `length` bytes from `offset`, read one at a time. */
export function* piecesOf(source: ByteSource, offset: number, length: number, piece = 1024 * 1024): Generator<Buffer> {
  for (let at = offset; at < offset + length; at += piece) {
    yield source.read(at, Math.min(piece, offset + length - at));
  }
}
