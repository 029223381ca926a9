import fs from 'node:fs';
import path from 'node:path';
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { PublicKeyInfo } from '../../../types/contract';
import { sha256Hex } from './canonical-json';

export const KEY_DIR = 'keys';
export const PRIVATE_KEY_FILE = 'commitment-ed25519.pem';
export const PUBLIC_KEY_FILE = 'commitment-ed25519.pub.pem';

/** First 16 hex digits of the SHA-256 of the public key's DER (SPKI) encoding. */
export function keyIdOf(publicKey: KeyObject): string {
  return sha256Hex(publicKey.export({ type: 'spki', format: 'der' })).slice(0, 16);
}

/** Verifies a base64 Ed25519 signature over a UTF-8 text; false (never a throw) for garbage. */
export function verifyText(publicKey: KeyObject, text: string, signatureBase64: string): boolean {
  try {
    return verify(null, Buffer.from(text, 'utf8'), publicKey, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}

/**
 * The gateway's commitment-receipt key (Ed25519). It lives in files, not in the database, so a
 * copy or an edit of the database alone can neither forge nor re-sign a receipt:
 * `<dataDir>/keys/commitment-ed25519.pem` (PKCS#8, mode 0600) and `commitment-ed25519.pub.pem` (SPKI).
 */
export class CommitmentKey {
  readonly keyId: string;

  private constructor(
    private readonly privateKey: KeyObject | undefined,
    readonly publicKey: KeyObject,
  ) {
    this.keyId = keyIdOf(publicKey);
  }

  static paths(dataDir: string): { dir: string; privateFile: string; publicFile: string } {
    const dir = path.join(dataDir, KEY_DIR);
    return { dir, privateFile: path.join(dir, PRIVATE_KEY_FILE), publicFile: path.join(dir, PUBLIC_KEY_FILE) };
  }

  /** Loads the key pair, generating it on first use (the gateway's first start). */
  static loadOrCreate(dataDir: string): CommitmentKey {
    const { dir, privateFile, publicFile } = CommitmentKey.paths(dataDir);
    if (!fs.existsSync(privateFile)) {
      if (fs.existsSync(publicFile)) {
        // Receipts were signed with a key that is gone: a new one would silently break every check.
        throw new Error(`${privateFile} is missing but ${publicFile} exists: restore the private key`);
      }
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const { privateKey } = generateKeyPairSync('ed25519');
      const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
      try {
        // `wx`: two processes starting at once cannot both write a key; the loser reads the winner's.
        fs.writeFileSync(privateFile, pem, { flag: 'wx', mode: 0o600 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    const privateKey = createPrivateKey(fs.readFileSync(privateFile, 'utf8'));
    const publicKey = createPublicKey(privateKey);
    const publicPem = publicKey.export({ type: 'spki', format: 'pem' }) as string;
    if (!fs.existsSync(publicFile)) {
      fs.writeFileSync(publicFile, publicPem, { mode: 0o644 });
    } else if (fs.readFileSync(publicFile, 'utf8').trim() !== publicPem.trim()) {
      throw new Error(`${publicFile} does not belong to ${privateFile}`);
    }
    return new CommitmentKey(privateKey, publicKey);
  }

  /** The public key only (verification by the admin CLI); undefined when none was ever created. */
  static loadPublic(dataDir: string): CommitmentKey | undefined {
    const { publicFile } = CommitmentKey.paths(dataDir);
    if (!fs.existsSync(publicFile)) return undefined;
    return new CommitmentKey(undefined, createPublicKey(fs.readFileSync(publicFile, 'utf8')));
  }

  /** Base64 Ed25519 signature over the UTF-8 bytes of `text`. */
  sign(text: string): string {
    if (!this.privateKey) throw new Error('this commitment key was loaded for verification only');
    return sign(null, Buffer.from(text, 'utf8'), this.privateKey).toString('base64');
  }

  verify(text: string, signatureBase64: string): boolean {
    return verifyText(this.publicKey, text, signatureBase64);
  }

  info(): PublicKeyInfo {
    return {
      keyId: this.keyId,
      algorithm: 'Ed25519',
      publicKeyPem: this.publicKey.export({ type: 'spki', format: 'pem' }) as string,
    };
  }
}
