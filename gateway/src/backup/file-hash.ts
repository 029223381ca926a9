import fs from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

/** SHA-256 and size of a file, read as a stream (material files run to 30 MB). */
export async function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

/**
 * Copies `from` to a temporary name beside `to`, hashing the bytes as they are written, and returns
 * the temporary file with the hash: the caller decides where it ends up (by its hash), so what is
 * named by a hash is always exactly the bytes that were hashed, even if the source changes meanwhile.
 */
export async function copyHashed(
  from: string,
  toDir: string,
  mode = 0o600,
): Promise<{ temp: string; sha256: string; size: number }> {
  fs.mkdirSync(toDir, { recursive: true, mode: 0o700 });
  const temp = path.join(toDir, `.incoming-${randomBytes(8).toString('hex')}`);
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(fs.createReadStream(from), tap, fs.createWriteStream(temp, { flags: 'wx', mode }));
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  return { temp, sha256: hash.digest('hex'), size };
}
