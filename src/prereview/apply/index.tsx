import { Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useQuery } from '@tanstack/react-query';
import { Button } from '@nutui/nutui-react-taro';
import type { PrereviewTarget } from '@contract/prereview';
import { accountApi } from '@/core/api/account';
import { casesApi } from '@/core/api/cases';
import { queryKeys } from '@/core/query-keys';
import { CASE_STATUS_NAMES } from '@/lib/case-status';
import { EmptyState } from '@/ui/empty-state';
import { ErrorState } from '@/ui/error-state';
import { LoadingState } from '@/ui/loading-state';
import { LoginRequired } from '@/ui/login-required';
import { navigate } from '@/ui/navigate';
import { PageShell } from '@/ui/page-shell';
import { routes } from '@/ui/routes';
import { useSession } from '@/ui/use-session';
import { draftFromCase, readLocalDraft } from '../local-draft';
import { ApplicationEditor } from './application-editor';
import '../prereview.scss';

function targetFrom(params: Partial<Record<string, string>>): PrereviewTarget | undefined {
  if (params.theme) return { kind: 'theme', code: params.theme };
  if (params.item) return { kind: 'item', code: params.item };
  return undefined;
}

/**
 * 在线申报: opened from a guide (`?item=`), a 一件事 (`?theme=`) or 我的办件 (`?caseId=`). The
 * gateway keeps one draft per applicant and target, so opening it again continues that draft.
 */
export default function ApplyPage() {
  const params = useRouter().params;
  const { tokens } = useSession();
  const requested = targetFrom(params);
  const caseId = params.caseId;
  const here = caseId
    ? routes.continueDraft(caseId)
    : requested?.kind === 'theme'
      ? routes.applyTheme(requested.code)
      : routes.applyItem(requested?.code ?? '');

  const draft = useQuery({
    queryKey: caseId ? queryKeys.case(caseId) : ['start-application', requested?.kind, requested?.code],
    queryFn: ({ signal }) =>
      caseId ? casesApi.case(caseId, signal) : casesApi.startApplication(requested as PrereviewTarget),
    enabled: Boolean(tokens) && (Boolean(caseId) || requested !== undefined),
    staleTime: Infinity,
  });
  const target = draft.data?.target ?? requested;
  const spec = useQuery({
    queryKey: queryKeys.applicationSpec(target?.kind ?? '', target?.code ?? ''),
    queryFn: ({ signal }) => casesApi.applicationSpec(target as PrereviewTarget, signal),
    enabled: target !== undefined,
  });
  const me = useQuery({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => accountApi.me(signal),
    enabled: Boolean(tokens),
  });
  const licences = useQuery({
    queryKey: queryKeys.licences,
    queryFn: ({ signal }) => casesApi.licences(signal),
    enabled: Boolean(tokens),
  });

  if (!tokens) return <LoginRequired title='登录后在线申报' returnTo={here} />;
  if (!caseId && !requested) {
    return (
      <PageShell>
        <EmptyState title='未指定申报事项' description='请从办事指南点“在线申报”' />
      </PageShell>
    );
  }
  const failed = draft.error ?? spec.error;
  if (failed) {
    return (
      <PageShell>
        <ErrorState
          error={failed}
          onRetry={() => {
            void draft.refetch();
            void spec.refetch();
          }}
        />
      </PageShell>
    );
  }
  if (!draft.data || !spec.data) {
    return (
      <PageShell>
        <LoadingState />
      </PageShell>
    );
  }
  const detail = draft.data;
  if (detail.status !== 'draft') {
    return (
      <PageShell>
        <EmptyState title={`该申请已${CASE_STATUS_NAMES[detail.status]}`} description='可在办件详情查看进度'>
          <Button type='primary' className='tap-target' onClick={() => navigate(routes.caseDetail(detail.id))}>
            查看办件
          </Button>
        </EmptyState>
      </PageShell>
    );
  }
  // The phone's copy is never older than the gateway's: it is written first, on every change.
  const initial = readLocalDraft(detail.id) ?? draftFromCase(detail);
  return (
    <PageShell>
      <ApplicationEditor
        key={detail.id}
        spec={spec.data}
        initial={initial}
        user={me.data}
        licences={licences.data?.licences ?? []}
      />
      <Text className='muted center'>办件编号 {detail.id.slice(0, 8).toUpperCase()}</Text>
    </PageShell>
  );
}
