import { useCallback, useEffect, useRef, useState } from 'react';
import { casesApi } from '@/core/api/cases';
import { toMaterialAnswers, writeLocalDraft, type LocalDraft } from './local-draft';

/** Gateway saves wait for a pause in typing. */
const SAVE_DELAY_MS = 1200;

export type SyncState = 'idle' | 'saving' | 'saved' | 'offline';

/**
 * The draft in memory, written to the phone on every change and to the gateway after a pause.
 * A failed gateway save is only a state ("saved on this phone"): the next change or the next
 * opening sends it again, and nothing typed is lost meanwhile.
 */
export function useDraft(initial: LocalDraft, editable: boolean) {
  const [draft, setDraftState] = useState(initial);
  const [sync, setSync] = useState<SyncState>('idle');
  const latest = useRef(initial);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const sendRef = useRef<() => void>(() => undefined);
  const pending = useRef(false);

  sendRef.current = () => {
    pending.current = false;
    if (!editable) return;
    const snapshot = latest.current;
    setSync('saving');
    casesApi
      .saveDraft(snapshot.caseId, { form: snapshot.form, materials: toMaterialAnswers(snapshot.answers) })
      .then(() => setSync(latest.current === snapshot ? 'saved' : 'saving'))
      .catch(() => setSync('offline'));
  };

  const update = useCallback((change: (draft: LocalDraft) => LocalDraft) => {
    const next = { ...change(latest.current), savedAt: Date.now() };
    latest.current = next;
    writeLocalDraft(next);
    setDraftState(next);
    clearTimeout(timer.current);
    pending.current = true;
    timer.current = setTimeout(() => sendRef.current(), SAVE_DELAY_MS);
  }, []);

  /** Sends what is pending now (before leaving the page, or to retry after going offline). */
  const flush = useCallback(() => {
    clearTimeout(timer.current);
    sendRef.current();
  }, []);

  // Leaving the page with a save still waiting: send it now rather than drop it.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      if (pending.current) sendRef.current();
    },
    [],
  );

  return { draft, update, sync, flush, current: () => latest.current };
}
