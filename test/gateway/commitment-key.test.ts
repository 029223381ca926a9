import fs from 'node:fs';
import path from 'node:path';
import { CommitmentKey, keyIdOf } from '../../gateway/src/commitments/signing-key';
import { canonicalJson } from '../../gateway/src/commitments/canonical-json';
import { tempDir } from './support/harness';

describe('the commitment receipt key', () => {
  it('is made once, kept in <dataDir>/keys, and the same key is loaded on every start', () => {
    const dir = tempDir('key');
    try {
      const first = CommitmentKey.loadOrCreate(dir);
      const again = CommitmentKey.loadOrCreate(dir);
      expect(again.keyId).toBe(first.keyId);
      expect(first.keyId).toBe(keyIdOf(first.publicKey));
      expect(fs.statSync(path.join(dir, 'keys', 'commitment-ed25519.pem')).mode & 0o777).toBe(0o600);
      const text = canonicalJson({ b: '承诺', a: 1 });
      const signature = first.sign(text);
      expect(again.verify(text, signature)).toBe(true);
      expect(again.verify(`${text} `, signature)).toBe(false);
      expect(again.verify(text, 'not base64 at all!')).toBe(false);

      const publicOnly = CommitmentKey.loadPublic(dir);
      expect(publicOnly?.keyId).toBe(first.keyId);
      expect(publicOnly?.verify(text, signature)).toBe(true);
      expect(() => publicOnly?.sign(text)).toThrow();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never silently replaces a lost private key, nor accepts a public key of another pair', () => {
    const dir = tempDir('key-lost');
    const other = tempDir('key-other');
    try {
      CommitmentKey.loadOrCreate(dir);
      CommitmentKey.loadOrCreate(other);
      fs.copyFileSync(
        path.join(other, 'keys', 'commitment-ed25519.pub.pem'),
        path.join(dir, 'keys', 'commitment-ed25519.pub.pem'),
      );
      expect(() => CommitmentKey.loadOrCreate(dir)).toThrow(/does not belong/);
      fs.rmSync(path.join(dir, 'keys', 'commitment-ed25519.pem'));
      expect(() => CommitmentKey.loadOrCreate(dir)).toThrow(/restore the private key/);
      const none = tempDir('key-none');
      expect(CommitmentKey.loadPublic(none)).toBeUndefined();
      fs.rmSync(none, { recursive: true, force: true });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(other, { recursive: true, force: true });
    }
  });
});
