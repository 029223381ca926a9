import { ScrollView, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@nutui/nutui-react-taro';
import { useRef, useState } from 'react';
import type { CommitmentConfirmations } from '@contract/commitment';
import { commitmentsApi } from '@/core/api/commitments';
import { env } from '@/core/env';
import { describeError, isApiError } from '@/core/http/api-error';
import { queryKeys } from '@/core/query-keys';
import { session } from '@/core/session';
import { readLocalFile, sha256Hex, uploadFile } from '@/core/upload';
import { useConfirmDialog } from '@/ui/confirm-dialog';
import { EmptyState } from '@/ui/empty-state';
import { ErrorState } from '@/ui/error-state';
import { LoadingState } from '@/ui/loading-state';
import { goBackOr, navigate } from '@/ui/navigate';
import { PageShell } from '@/ui/page-shell';
import { routes } from '@/ui/routes';
import { CONFIRMATIONS } from '../confirmations';
import { NoticeText } from '../notice-text';
import { SignaturePad, type SignaturePadHandle } from '../signature-pad';
import '../commitment.scss';
import '@/ui/field.scss';
import { LabelledCheckbox } from '@/ui/labelled-checkbox';
import { LabelledRadio } from '@/ui/labelled-radio';
import { FieldError } from '@/ui/field-error';

type Choice = 'commit' | 'proof';
const NONE_CONFIRMED: CommitmentConfirmations = {
  informed: false,
  qualified: false,
  truthful: false,
  acceptVerification: false,
};

/**
 * Read the 告知书 to its end, choose between committing and providing the proof (the applicant's
 * right), tick the four confirmations, sign by hand, and get the receipt.
 */
export default function NoticePage() {
  const { item = '', material = '', caseId } = useRouter().params;
  const queryClient = useQueryClient();
  const notices = useQuery({
    queryKey: queryKeys.itemNotices(item),
    queryFn: ({ signal }) => commitmentsApi.itemNotices(item, signal),
    enabled: item !== '',
  });
  const notice = notices.data?.notices.find((n) => n.materialId === material);
  const [readToEnd, setReadToEnd] = useState(false);
  const [choice, setChoice] = useState<Choice>();
  const [confirmed, setConfirmed] = useState(NONE_CONFIRMED);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const pad = useRef<SignaturePadHandle>(null);
  const { dialog, confirm } = useConfirmDialog();
  const here = routes.commitmentNotice(item, material);
  // On H5 the notice box takes focus, so it can be read to its end with the keyboard too.
  const keyboardScroll = env.platform === 'h5' ? { tabIndex: 0 } : {};

  if (notices.isPending && item)
    return (
      <PageShell>
        <LoadingState />
      </PageShell>
    );
  if (notices.isError && !(isApiError(notices.error) && notices.error.code === 'NOT_FOUND')) {
    return (
      <PageShell>
        <ErrorState error={notices.error} onRetry={() => void notices.refetch()} />
      </PageShell>
    );
  }
  if (!notice) {
    return (
      <PageShell>
        <EmptyState title='未找到告知书' description='该材料可能不适用告知承诺，请按办事指南提交证明材料'>
          <Button className='tap-target' onClick={() => goBackOr(routes.home)}>
            返回
          </Button>
        </EmptyState>
      </PageShell>
    );
  }

  const sign = async () => {
    if (busy) return;
    if (!readToEnd) return setError('请先阅读完告知书全文（滑动到底部）');
    if (choice !== 'commit') return setError('请选择“我承诺符合条件”后再签署');
    const missing = CONFIRMATIONS.find((c) => !confirmed[c.key]);
    if (missing) return setError(`请确认：${missing.label}`);
    if (!session.isLoggedIn()) return navigate(routes.login(here));
    const exported = await pad.current?.export();
    if (!exported || !exported.ok) return setError(exported?.reason ?? '请先手写签名');
    setError(undefined);
    setBusy(true);
    try {
      const bytes = await readLocalFile(exported.file);
      const signatureSha256 = sha256Hex(bytes);
      const uploaded = await uploadFile(exported.file, 'signature');
      const receipt = await commitmentsApi.signCommitment({
        noticeId: notice.id,
        noticeVersion: notice.version,
        noticeHash: notice.contentHash,
        confirmations: confirmed,
        signatureFileId: uploaded.id,
        signatureSha256,
        caseId,
      });
      void queryClient.invalidateQueries({ queryKey: queryKeys.myCommitments });
      void Taro.showToast({ title: '承诺已签署', icon: 'success' });
      void Taro.redirectTo({ url: routes.commitmentReceipt(receipt.record.id) });
    } catch (e) {
      if (isApiError(e) && e.code === 'CONFLICT') {
        // A new version was published while reading: read it again before signing.
        setReadToEnd(false);
        void notices.refetch();
      }
      if (isApiError(e) && e.code === 'FORBIDDEN' && e.message.includes('实名')) {
        return void confirm({ title: '需要实名认证', content: e.message, confirmText: '去认证', alert: true }).then(
          () => navigate(routes.realName),
        );
      }
      const field = isApiError(e) ? e.fields[0]?.message : undefined;
      setError(field ?? describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageShell>
      <View className='section'>
        <View className='section__title' role='heading' aria-level={1}>
          告知承诺书
        </View>
        <Text className='muted'>
          {notice.itemName} · {notice.departmentName}
        </Text>
        <Text className='notice__meta'>
          第 {notice.version} 版 · 内容校验码 {notice.contentHash.slice(0, 16)}
        </Text>
      </View>

      <View className='section'>
        <ScrollView
          className='notice__scroll'
          scrollY
          lowerThreshold={40}
          onScrollToLower={() => setReadToEnd(true)}
          aria-label='告知书全文'
          {...keyboardScroll}
        >
          <NoticeText notice={notice} />
        </ScrollView>
        <Text className={readToEnd ? 'notice__progress notice__progress--done' : 'notice__progress'}>
          {readToEnd ? '✓ 已阅读至全文末尾' : '请向上滑动，阅读告知书全文'}
        </Text>
      </View>

      <View className='section' role='radiogroup' aria-label='选择办理方式'>
        <Text className='section__title'>选择办理方式</Text>
        {(
          [
            ['commit', '我承诺符合条件，以告知承诺代替证明材料'],
            ['proof', '我不承诺，按要求提交证明材料'],
          ] as const
        ).map(([value, label]) => (
          <LabelledRadio key={value} label={label} checked={choice === value} onSelect={() => setChoice(value)} />
        ))}
      </View>

      {choice === 'proof' ? (
        <View className='section'>
          <Text>请在申报时上传“{notice.materialName}”。选择提供证明材料不影响您的办理。</Text>
          <Button className='tap-target' onClick={() => goBackOr(routes.guide(notice.itemCode))}>
            返回办事指南
          </Button>
        </View>
      ) : null}

      {choice === 'commit' ? (
        <>
          <View className='section'>
            <Text className='section__title'>确认事项</Text>
            {CONFIRMATIONS.map((c) => (
              <LabelledCheckbox
                key={c.key}
                className='confirm tap-target'
                label={c.label}
                checked={confirmed[c.key]}
                onChange={(on) => setConfirmed((v) => ({ ...v, [c.key]: on }))}
              />
            ))}
          </View>
          <View className='section'>
            <Text className='section__title'>本人手写签名</Text>
            <Text className='field__hint'>签名人为当前登录的实名用户本人，不得代签。</Text>
            <SignaturePad ref={pad} />
          </View>
        </>
      ) : null}

      <View className='section'>
        <FieldError message={error} />
        <Button type='primary' block className='tap-target' loading={busy} onClick={() => void sign()}>
          签署承诺
        </Button>
      </View>
      {dialog}
    </PageShell>
  );
}
