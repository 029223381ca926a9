import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { commitmentsApi } from '@/core/api/commitments';
import { describeError } from '@/core/http/api-error';
import { queryKeys } from '@/core/query-keys';
import { formatChineseDate } from '@/lib/format-date';
import { useConfirmDialog } from '@/ui/confirm-dialog';
import { ErrorState } from '@/ui/error-state';
import { LoadingState } from '@/ui/loading-state';
import { goBackOr } from '@/ui/navigate';
import { PageShell } from '@/ui/page-shell';
import { routes } from '@/ui/routes';
import { MissingLinkState } from '@/ui/missing-link-state';
import { StatusTag } from '../status-tag';
import '../commitment.scss';
import '@/ui/field.scss';

/** A key–value row: short values on the right, long codes (mono) on a line of their own below. */
function Row(props: { label: string; value: string; mono?: boolean }) {
  return props.mono ? (
    <Cell
      className='receipt__row'
      title={props.label}
      description={<Text className='receipt__mono'>{props.value}</Text>}
    />
  ) : (
    <Cell className='receipt__row' title={props.label} extra={props.value} />
  );
}

/** The receipt: what was signed, by whom, when, and the gateway's signature anyone can verify. */
export default function ReceiptPage() {
  const id = useRouter().params.id ?? '';
  const queryClient = useQueryClient();
  const { dialog, confirm } = useConfirmDialog();
  const receipt = useQuery({
    queryKey: queryKeys.myCommitment(id),
    queryFn: ({ signal }) => commitmentsApi.myCommitment(id, signal),
    enabled: id !== '',
  });
  const verification = useQuery({
    queryKey: queryKeys.commitmentVerification(id),
    queryFn: ({ signal }) => commitmentsApi.verifyCommitment(id, signal),
    enabled: false,
  });
  const withdraw = useMutation({
    mutationFn: () => commitmentsApi.withdrawCommitment(id),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.myCommitment(id), updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.myCommitments });
      void Taro.showToast({ title: '已撤回，请改为提交证明材料', icon: 'none' });
    },
    onError: (error) => void confirm({ title: '未能撤回', content: describeError(error), alert: true }),
  });

  if (id === '')
    return <MissingLinkState subject='承诺回执' returnTo={routes.myCommitments} returnLabel='查看我的承诺' />;
  if (receipt.isPending)
    return (
      <PageShell>
        <LoadingState />
      </PageShell>
    );
  if (receipt.isError)
    return (
      <PageShell>
        <ErrorState error={receipt.error} onRetry={() => void receipt.refetch()} />
      </PageShell>
    );
  const { record, status, statusNote, gatewaySignature, keyId, withdrawable } = receipt.data;

  return (
    <PageShell>
      <CellGroup className='receipt__rows' title='承诺回执'>
        <Cell className='receipt__row' title='状态' extra={<StatusTag status={status} />} />
        {statusNote ? <Row label='说明' value={statusNote} /> : null}
        <Row label='事项' value={record.itemName} />
        <Row label='代替的证明' value={record.materialName} />
        <Row label='承诺人' value={`${record.signerNameMasked}（${record.signerIdNumberMasked}）`} />
        <Row label='签署时间' value={`${formatChineseDate(record.signedAt)} ${record.signedAt.slice(11, 16)}`} />
        <Row label='告知书版本' value={`第 ${record.noticeVersion} 版`} />
        <Row label='告知书校验码' value={record.noticeHash} mono />
        <Row label='签名图像校验码' value={record.signatureSha256} mono />
        <Row label='回执编号' value={record.id} mono />
      </CellGroup>

      <View className='section'>
        <Text className='section__title'>网关电子签名（Ed25519）</Text>
        <Text className='receipt__mono'>{gatewaySignature}</Text>
        <Text className='notice__meta'>密钥编号 {keyId}。任何人可用公开的公钥离线核验本回执是否被篡改。</Text>
        <Button className='tap-target' loading={verification.isFetching} onClick={() => void verification.refetch()}>
          核验回执
        </Button>
        {verification.data ? (
          <View role='status'>
            <Text className={verification.data.intact ? 'notice__progress notice__progress--done' : 'notice__progress'}>
              {verification.data.intact ? '✓ 回执完整，记录与签名文件均未被篡改' : '✗ 回执校验未通过，请联系办理部门'}
            </Text>
            {verification.data.checks.map((c) => (
              <Text key={c.name} className='notice__meta'>
                {c.ok ? '✓' : '✗'} {c.detail}
              </Text>
            ))}
          </View>
        ) : null}
        {verification.isError ? <Text className='field__error'>{describeError(verification.error)}</Text> : null}
      </View>

      {record.caseId ? (
        <View className='section'>
          <Text className='field__hint'>该承诺已关联您正在填写的申请，返回后对应材料显示为“告知承诺代替”。</Text>
          <Button
            type='primary'
            block
            className='tap-target'
            onClick={() => goBackOr(routes.continueDraft(record.caseId ?? ''))}
          >
            返回申报，继续填写
          </Button>
        </View>
      ) : null}

      {withdrawable ? (
        <View className='section'>
          <Text className='field__hint'>办件受理前可以撤回承诺；撤回后需要提交证明材料。</Text>
          <Button
            block
            className='tap-target'
            loading={withdraw.isPending}
            onClick={() =>
              void confirm({
                title: '撤回承诺',
                content: '撤回后该材料需要提交证明，确定撤回吗？',
                confirmText: '撤回',
              }).then((confirmed) => {
                if (confirmed && !withdraw.isPending) withdraw.mutate();
              })
            }
          >
            撤回承诺
          </Button>
        </View>
      ) : null}
      {dialog}
    </PageShell>
  );
}
