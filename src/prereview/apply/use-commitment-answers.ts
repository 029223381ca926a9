import { useDidShow } from '@tarojs/taro';
import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import type { ApplicationSpec } from '@contract/prereview';
import { commitmentsApi } from '@/core/api/commitments';
import { queryKeys } from '@/core/query-keys';
import { navigate } from '@/ui/navigate';
import { routes } from '@/ui/routes';
import type { LocalDraft } from '../local-draft';

export type CommitmentAnswersOptions = {
  spec: ApplicationSpec;
  caseId: string;
  current: () => LocalDraft;
  update: (change: (draft: LocalDraft) => LocalDraft) => void;
  /** Saves the draft at once, before the commitment pages open. */
  flush: () => void;
};

/** 告知承诺 in place of a material: signed on the commitment pages, answering the material here. */
export function useCommitmentAnswers({ spec, caseId, current, update, flush }: CommitmentAnswersOptions) {
  /** The material whose 告知承诺 is being signed on the commitment page. */
  const awaiting = useRef<string>();
  const commitments = useQuery({
    queryKey: queryKeys.myCommitments,
    queryFn: ({ signal }) => commitmentsApi.myCommitments(signal),
    enabled: spec.materials.some((m) => m.commitmentAllowed),
  });

  /**
   * A commitment signed for this case answers its material: the one just signed (back from the
   * commitment pages), or, when the form opens afresh, any signed for a material still unanswered.
   */
  const attach = (onlyMaterialId?: string) => {
    void commitments.refetch().then((result) => {
      const usable = (result.data?.commitments ?? []).filter(
        (c) => c.record.caseId === caseId && (c.status === 'signed' || c.status === 'verified'),
      );
      const found: Record<string, string> = {};
      const answers = current().answers;
      for (const material of spec.materials) {
        if (!material.commitmentAllowed) continue;
        if (onlyMaterialId ? material.id !== onlyMaterialId : answers[material.id] !== undefined) continue;
        const signed = usable.find((c) => c.record.materialName === material.name);
        if (signed) found[material.id] = signed.record.id;
      }
      if (Object.keys(found).length === 0) return;
      update((d) => {
        const next = { ...d.answers };
        for (const [materialId, commitmentId] of Object.entries(found)) {
          next[materialId] = { way: 'commitment', commitmentId };
        }
        return { ...d, answers: next };
      });
    });
  };

  useDidShow(() => {
    const materialId = awaiting.current;
    if (!materialId) return;
    awaiting.current = undefined;
    attach(materialId);
  });

  /** Opens the 告知书 for the material; back on the form, the signed commitment answers it. */
  const sign = (materialId: string) => {
    const material = spec.materials.find((m) => m.id === materialId);
    const itemCode = material?.itemCodes[0] ?? spec.target.code;
    awaiting.current = materialId;
    flush();
    navigate(routes.commitmentNotice(itemCode, materialId, caseId));
  };

  return { attach, sign };
}
