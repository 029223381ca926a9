import { useCallback, useRef, useState } from 'react';
import type { MaterialRequirement } from '@contract/prereview';
import { describeError } from '@/core/http/api-error';
import { checkMaterialFile, uploadMaterialFile } from '@/core/material-upload';
import { forgetFile, keepFile, restoreFile } from '@/core/pending-files';
import { pickMaterialFiles, type PickedFile } from '@/core/pick-files';
import type { FileEntry, LocalAnswer, LocalDraft } from './local-draft';

type UpdateDraft = (change: (draft: LocalDraft) => LocalDraft) => void;
/** Tells the person something that needs no decision (the page's themed dialog). */
type Alert = (title: string, content: string) => void;

function patchEntry(draft: LocalDraft, materialId: string, key: string, patch: Partial<FileEntry>): LocalDraft {
  const answer = draft.answers[materialId];
  if (!answer || answer.way !== 'files') return draft;
  const files = answer.files.map((f) => (f.key === key ? { ...f, ...patch } : f));
  return { ...draft, answers: { ...draft.answers, [materialId]: { way: 'files', files } } };
}

let entrySeq = 0;
const newEntryKey = () => `f${Date.now().toString(36)}${(entrySeq += 1)}`;

/**
 * Uploads attached files one by one per material, with progress, and keeps each picked file where it
 * survives a restart until the gateway has it: reopening the page resumes what was interrupted.
 */
export function useFileUploads(updateDraft: UpdateDraft, alert: Alert) {
  const [progress, setProgress] = useState<Record<string, number>>({});
  const picked = useRef(new Map<string, PickedFile>());
  const running = useRef(new Set<string>());

  const run = useCallback(
    async (materialId: string, key: string, file: PickedFile) => {
      if (running.current.has(key)) return;
      running.current.add(key);
      updateDraft((d) => patchEntry(d, materialId, key, { status: 'uploading', error: undefined }));
      try {
        const uploaded = await uploadMaterialFile(file, {
          onProgress: (p) => setProgress((all) => ({ ...all, [key]: p.totalBytes ? p.sentBytes / p.totalBytes : 0 })),
        });
        let pendingKey: string | undefined;
        updateDraft((d) => {
          const answer = d.answers[materialId];
          pendingKey = answer?.way === 'files' ? answer.files.find((f) => f.key === key)?.pendingKey : undefined;
          return patchEntry(d, materialId, key, { status: 'done', fileId: uploaded.id, pendingKey: undefined });
        });
        if (pendingKey) void forgetFile(pendingKey);
        picked.current.delete(key);
      } catch (error) {
        updateDraft((d) => patchEntry(d, materialId, key, { status: 'failed', error: describeError(error) }));
      } finally {
        running.current.delete(key);
      }
    },
    [updateDraft],
  );

  /** Adds picked files to a material and starts sending them. */
  const add = useCallback(
    async (materialId: string, files: PickedFile[]) => {
      const entries = await Promise.all(
        files.map(async (file) => {
          const key = newEntryKey();
          picked.current.set(key, file);
          const kept = await keepFile(file.file).catch(() => undefined);
          const entry: FileEntry = {
            key,
            name: file.name,
            size: file.size,
            status: 'uploading',
            pendingKey: kept?.key,
          };
          return { entry, file };
        }),
      );
      updateDraft((d) => {
        const current: LocalAnswer | undefined = d.answers[materialId];
        const existing = current?.way === 'files' ? current.files : [];
        const answer: LocalAnswer = { way: 'files', files: [...existing, ...entries.map((e) => e.entry)] };
        return { ...d, answers: { ...d.answers, [materialId]: answer } };
      });
      for (const { entry, file } of entries) await run(materialId, entry.key, file);
    },
    [run, updateDraft],
  );

  /**
   * Lets the user pick files for a material (as many as it still has room for), refuses those the
   * gateway would refuse (type by content, size) with the file named, and sends the rest.
   */
  const pick = useCallback(
    async (material: MaterialRequirement, source: 'camera' | 'album' | 'pdf', attached: number) => {
      const room = material.maxFiles - attached;
      if (room <= 0) return;
      try {
        const picked = await pickMaterialFiles({ source, count: room });
        const accepted: PickedFile[] = [];
        for (const file of picked.slice(0, room)) {
          const refusal = await checkMaterialFile(file, material);
          if (refusal) {
            alert('无法使用该文件', `${file.name}：${refusal}`);
          } else accepted.push(file);
        }
        if (accepted.length > 0) await add(material.id, accepted);
      } catch (error) {
        alert('无法选择文件', describeError(error));
      }
    },
    [add, alert],
  );

  /** Tries a failed or interrupted file again; the gateway's chunks already held are not re-sent. */
  const retry = useCallback(
    async (materialId: string, entry: FileEntry) => {
      let file = picked.current.get(entry.key);
      if (!file && entry.pendingKey) {
        const restored = await restoreFile(entry.pendingKey).catch(() => undefined);
        if (restored) file = { file: restored, name: entry.name, size: entry.size, mime: undefined };
      }
      if (!file) {
        updateDraft((d) =>
          patchEntry(d, materialId, entry.key, { status: 'failed', error: '文件已不在本机，请删除后重新选择' }),
        );
        return;
      }
      picked.current.set(entry.key, file);
      await run(materialId, entry.key, file);
    },
    [run, updateDraft],
  );

  const remove = useCallback(
    (materialId: string, entry: FileEntry) => {
      picked.current.delete(entry.key);
      if (entry.pendingKey) void forgetFile(entry.pendingKey);
      updateDraft((d) => {
        const answer = d.answers[materialId];
        if (!answer || answer.way !== 'files') return d;
        const files = answer.files.filter((f) => f.key !== entry.key);
        const answers = { ...d.answers };
        if (files.length > 0) answers[materialId] = { way: 'files', files };
        else delete answers[materialId];
        return { ...d, answers };
      });
    },
    [updateDraft],
  );

  /** After a restart: files that were on their way up continue from where the gateway stopped. */
  const resumeInterrupted = useCallback(
    (draft: LocalDraft) => {
      for (const [materialId, answer] of Object.entries(draft.answers)) {
        if (answer.way !== 'files') continue;
        for (const entry of answer.files) if (entry.status === 'uploading') void retry(materialId, entry);
      }
    },
    [retry],
  );

  return { progress, pick, retry, remove, resumeInterrupted };
}
