import fs from 'node:fs';
import path from 'node:path';
import { BLOBS_DIR, MANIFEST_FILE, readManifest, type BackupManifest } from './manifest';

/** `backup-20261205T235900123Z`, with `-2`, `-3`… when two start in the same millisecond: sorts by time. */
const SNAPSHOT_NAME = /^backup-\d{8}T\d{9}Z(-\d+)?$/;
/** Unreferenced blobs younger than this are left alone: a backup running elsewhere may just have reused one. */
export const BLOB_GRACE_MS = 60 * 60 * 1000;

export function snapshotName(at: Date): string {
  return `backup-${at.toISOString().replace(/[-:.]/g, '')}`;
}

/** Complete backups (those with a manifest), oldest first. Half-written ones live under `.tmp-*` and are not listed. */
export function listBackups(root: string): { name: string; dir: string; manifest: BackupManifest }[] {
  let names: string[];
  try {
    names = fs.readdirSync(root);
  } catch {
    return [];
  }
  return names
    .filter((name) => SNAPSHOT_NAME.test(name))
    .sort()
    .flatMap((name) => {
      const dir = path.join(root, name);
      const manifest = readManifest(dir);
      return manifest ? [{ name, dir, manifest }] : [];
    });
}

export function isSnapshotDir(dir: string): boolean {
  return fs.existsSync(path.join(dir, MANIFEST_FILE));
}

function allBlobs(root: string): string[] {
  const blobs = path.join(root, BLOBS_DIR);
  let fans: string[];
  try {
    fans = fs.readdirSync(blobs);
  } catch {
    return [];
  }
  return fans.flatMap((fan) => {
    try {
      return fs.readdirSync(path.join(blobs, fan)).map((name) => path.join(blobs, fan, name));
    } catch {
      return [];
    }
  });
}

/**
 * Keeps the newest `keep` backups, deletes the rest, then the stored files no remaining backup
 * lists (and leftovers of interrupted copies), except those touched within BLOB_GRACE_MS.
 */
export function pruneBackups(
  root: string,
  keep: number,
  nowMs = Date.now(),
): { removed: string[]; blobsRemoved: number } {
  const backups = listBackups(root);
  const doomed = backups.slice(0, Math.max(0, backups.length - keep));
  for (const b of doomed) fs.rmSync(b.dir, { recursive: true, force: true });
  const referenced = new Set(backups.slice(doomed.length).flatMap((b) => b.manifest.files.map((f) => f.sha256)));
  let blobsRemoved = 0;
  for (const file of allBlobs(root)) {
    if (referenced.has(path.basename(file))) continue;
    let mtime: number;
    try {
      mtime = fs.statSync(file).mtimeMs;
    } catch {
      continue;
    }
    if (nowMs - mtime < BLOB_GRACE_MS) continue;
    fs.rmSync(file, { force: true });
    blobsRemoved += 1;
  }
  return { removed: doomed.map((b) => b.name), blobsRemoved };
}
