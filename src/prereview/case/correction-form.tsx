import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from '@nutui/nutui-react-taro';
import { useCallback, useEffect, useState } from 'react';
import type { ApplicationSpec, CaseDetail } from '@contract/prereview';
import { casesApi } from '@/core/api/cases';
import { describeError, isApiError } from '@/core/http/api-error';
import { queryKeys } from '@/core/query-keys';
import { newIdempotencyKey } from '@/lib/idempotency-key';
import { useConfirmDialog } from '@/ui/confirm-dialog';
import { forgetLocalDraft, readLocalDraft, toMaterialAnswers, unfinishedFiles } from '../local-draft';
import { MaterialCard, type MaterialSource } from '../material-card';
import { useDraft } from '../use-draft';
import { useFileUploads } from '../use-file-uploads';
import { FieldError } from '@/ui/field-error';
import '@/ui/field.scss';

export type CorrectionFormProps = { detail: CaseDetail; spec: ApplicationSpec };

/**
 * The correction kept on the phone under its own key: a leftover of the original draft must never
 * be mistaken for the replacement files.
 */
const correctionKey = (caseId: string) => `${caseId}#correction`;

/** 需补正: replace only the returned materials, then resubmit (once, with an idempotency key). */
export function CorrectionForm({ detail, spec }: CorrectionFormProps) {
  const queryClient = useQueryClient();
  const key = correctionKey(detail.id);
  const { draft, update, current } = useDraft(
    readLocalDraft(key) ?? { caseId: key, form: {}, answers: {}, savedAt: 0 },
    false,
  );
  const { dialog, confirm } = useConfirmDialog();
  const uploads = useFileUploads(
    update,
    useCallback((title: string, content: string) => void confirm({ title, content, alert: true }), [confirm]),
  );
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const returned = detail.materials.filter((m) => m.review === 'returned');

  useEffect(() => {
    uploads.resumeInterrupted(current());
    // Once, for what was interrupted before this page opened.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const pick = (materialId: string, source: MaterialSource) => {
    const material = spec.materials.find((m) => m.id === materialId);
    const answer = current().answers[materialId];
    if (material) void uploads.pick(material, source, answer?.way === 'files' ? answer.files.length : 0);
  };

  const resubmit = async () => {
    if (busy) return;
    const state = current();
    const answers = toMaterialAnswers(state.answers);
    const missing = returned.filter((m) => !answers.some((a) => a.materialId === m.materialId));
    if (missing.length > 0) return setNotice(`请重新提供：${missing.map((m) => `“${m.name}”`).join('、')}`);
    if (unfinishedFiles(state.answers).length > 0) return setNotice('还有文件没有上传完成，请等待或点“重试”');
    const idempotencyKey = state.submitKey ?? newIdempotencyKey();
    if (!state.submitKey) update((d) => ({ ...d, submitKey: idempotencyKey }));
    setBusy(true);
    setNotice(undefined);
    try {
      const updated = await casesApi.resubmit(detail.id, { materials: answers }, idempotencyKey);
      forgetLocalDraft(key);
      queryClient.setQueryData(queryKeys.case(detail.id), updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.cases });
      void Taro.showToast({ title: '已重新提交', icon: 'success' });
    } catch (error) {
      const definite = isApiError(error) && error.status >= 400 && error.status < 500;
      if (definite) update((d) => ({ ...d, submitKey: undefined }));
      setNotice(definite ? describeError(error) : `${describeError(error)}。结果未确认，请再点一次，不会重复提交。`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {dialog}
      <View className='section section--flat'>
        <Text className='section__title'>需补正的材料（{returned.length}项）</Text>
        <Text className='field__hint'>只需重新提供下列材料，其余材料已通过，无需再交。</Text>
      </View>
      {returned.map((m, index) => {
        const material = spec.materials.find((s) => s.id === m.materialId);
        if (!material) return null;
        return (
          <MaterialCard
            key={m.materialId}
            index={index}
            material={{ ...material, eLicenceAccepted: false, commitmentAllowed: false }}
            answer={draft.answers[m.materialId]}
            progress={uploads.progress}
            licences={[]}
            returnedComment={m.reviewComment ?? '请按审查要点重新提供'}
            onPick={(source) => pick(m.materialId, source)}
            onRetry={(entry) => void uploads.retry(m.materialId, entry)}
            onRemove={(entry) => uploads.remove(m.materialId, entry)}
            onUseLicence={() => undefined}
            onCommit={() => undefined}
            onClearAnswer={() => undefined}
          />
        );
      })}
      <View className='section'>
        <FieldError message={notice} />
        <Button type='primary' block className='tap-target' loading={busy} onClick={() => void resubmit()}>
          重新提交预审
        </Button>
      </View>
    </>
  );
}
