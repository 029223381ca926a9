import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form } from '@nutui/nutui-react-taro';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { User } from '@contract/auth';
import type { ApplicationForm, ApplicationSpec, ELicence } from '@contract/prereview';
import { casesApi } from '@/core/api/cases';
import { askNotificationConsent, loadNotificationConsents } from '@/core/notification-consent';
import { describeError, isApiError } from '@/core/http/api-error';
import { queryKeys } from '@/core/query-keys';
import { answerProvided, checkForm, checkMaterialAnswers } from '@/lib/application-check';
import { newIdempotencyKey } from '@/lib/idempotency-key';
import { useConfirmDialog } from '@/ui/confirm-dialog';
import { navigate } from '@/ui/navigate';
import { routes } from '@/ui/routes';
import type { ApplicantField } from '../applicant-rules';
import { ApplicantSection, type Refusal } from '../applicant-section';
import { DeliverySection } from '../delivery-section';
import { forgetLocalDraft, toMaterialAnswers, unfinishedFiles, type LocalDraft } from '../local-draft';
import { MaterialCard, type MaterialSource } from '../material-card';
import { useDraft, type SyncState } from '../use-draft';
import { useFileUploads } from '../use-file-uploads';
import { errorMap, refusalsFrom } from './field-errors';
import { useCommitmentAnswers } from './use-commitment-answers';
import { FieldError } from '@/ui/field-error';
import '@/ui/field.scss';

export type ApplicationEditorProps = {
  spec: ApplicationSpec;
  initial: LocalDraft;
  user: User | undefined;
  licences: readonly ELicence[];
};

const SYNC_TEXT: Record<SyncState, string> = {
  idle: '填写内容会自动保存',
  saving: '正在保存草稿…',
  saved: '草稿已保存',
  offline: '网络不畅，草稿已保存在本机，联网后自动同步',
};

/** The application form: applicant, materials, delivery; saved as the user goes, submitted once. */
export function ApplicationEditor({ spec, initial, user, licences }: ApplicationEditorProps) {
  const queryClient = useQueryClient();
  const { draft, update, sync, flush, current } = useDraft(initial, true);
  const { dialog, confirm } = useConfirmDialog();
  const uploads = useFileUploads(
    update,
    useCallback((title: string, content: string) => void confirm({ title, content, alert: true }), [confirm]),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [applicantForm] = Form.useForm();
  const [refused, setRefused] = useState<Partial<Record<ApplicantField, Refusal>>>({});
  const [attempted, setAttempted] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const caseId = draft.caseId;
  const commitments = useCommitmentAnswers({ spec, caseId, current, update, flush });

  // The submit tap opens the platform's prompt at once: its template ids must be known by then.
  useEffect(loadNotificationConsents, []);

  useEffect(() => {
    uploads.resumeInterrupted(initial);
    if (spec.materials.some((m) => m.commitmentAllowed)) commitments.attach();
    // A sole applicant type needs no choosing.
    if (!initial.form.applicantType && spec.applicantTypes.length === 1) {
      update((d) => ({ ...d, form: { ...d.form, applicantType: spec.applicantTypes[0] } }));
    }
    // Once, for the draft this editor was opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const validate = (state: LocalDraft): Record<string, string> =>
    errorMap([
      ...checkForm(spec, state.form, new Date()),
      ...checkMaterialAnswers(spec.materials, toMaterialAnswers(state.answers)),
    ]);

  useEffect(() => {
    if (attempted) setErrors(validate(draft));
    // Live re-checking starts after the first attempt, so a fresh form is not all red.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft, attempted]);

  useEffect(() => {
    // The gateway's messages go under their fields once the Form has their rules.
    const names = Object.keys(refused);
    if (names.length > 0) void applicantForm.validateFields(names);
  }, [refused, applicantForm]);

  const changeForm = (patch: Partial<ApplicationForm>) => update((d) => ({ ...d, form: { ...d.form, ...patch } }));

  const pick = (materialId: string, source: MaterialSource) => {
    const material = spec.materials.find((m) => m.id === materialId);
    const answer = current().answers[materialId];
    if (material) void uploads.pick(material, source, answer?.way === 'files' ? answer.files.length : 0);
  };

  const submit = async () => {
    if (busy) return;
    setAttempted(true);
    const state = current();
    const found = validate(state);
    setErrors(found);
    // The same checks as `found`, shown under each typed field by NutUI's Form.
    void applicantForm.validateFields();
    const unfinished = unfinishedFiles(state.answers);
    if (Object.keys(found).length > 0) {
      setNotice(`还有 ${Object.keys(found).length} 处需要填写或更正，请查看标红的内容`);
      return;
    }
    if (unfinished.length > 0) {
      setNotice(`还有 ${unfinished.length} 个文件没有上传完成，请等待或点“重试”`);
      return;
    }
    if (user?.realName.verified !== true) {
      setNotice('提交前需完成实名认证');
      navigate(routes.realName);
      return;
    }
    // In the tap itself, before any await: the platforms only show the request from a user gesture.
    const notifications = askNotificationConsent(['case_status']);
    const key = state.submitKey ?? newIdempotencyKey();
    if (!state.submitKey) update((d) => ({ ...d, submitKey: key }));
    setBusy(true);
    setNotice(undefined);
    try {
      const submitted = await casesApi.submitApplication(
        caseId,
        { form: state.form, materials: toMaterialAnswers(state.answers) },
        key,
      );
      forgetLocalDraft(caseId);
      void notifications;
      void queryClient.invalidateQueries({ queryKey: queryKeys.cases });
      queryClient.setQueryData(queryKeys.case(caseId), submitted);
      void Taro.showToast({ title: '已提交预审', icon: 'success' });
      void Taro.redirectTo({ url: routes.caseDetail(caseId) });
    } catch (error) {
      const definite = isApiError(error) && error.status >= 400 && error.status < 500;
      // A refusal is final for this key (the body will change); an unknown outcome keeps it for the retry.
      if (definite) update((d) => ({ ...d, submitKey: undefined }));
      if (isApiError(error) && error.fields.length > 0) {
        setErrors(errorMap(error.fields));
        setRefused(refusalsFrom(error.fields, state.form));
      }
      if (isApiError(error) && error.code === 'CONFLICT') {
        void queryClient.invalidateQueries({ queryKey: queryKeys.case(caseId) });
      }
      setNotice(
        definite
          ? describeError(error)
          : `${describeError(error)}。提交结果未确认，请再点一次“提交预审”，不会重复提交。`,
      );
    } finally {
      setBusy(false);
    }
  };

  const answeredCount = useMemo(
    () =>
      spec.materials.filter((m) => answerProvided(toMaterialAnswers(draft.answers).find((a) => a.materialId === m.id)))
        .length,
    [draft.answers, spec.materials],
  );

  return (
    <>
      {dialog}
      <View className='section'>
        <View className='section__title' role='heading' aria-level={1}>
          {spec.title}
        </View>
        <Text className='muted'>
          {spec.departmentName} · 网上申报预审
          {spec.target.kind === 'theme' ? ' · 一件事一次办' : ''}
        </Text>
        <Text className={sync === 'offline' ? 'sync sync--offline' : 'sync'} aria-live='polite'>
          {SYNC_TEXT[sync]}
        </Text>
      </View>

      <ApplicantSection
        form={applicantForm}
        values={draft.form}
        refused={refused}
        live={attempted}
        applicantTypes={spec.applicantTypes}
        user={user}
        errors={errors}
        onChange={changeForm}
        onVerify={() => {
          flush();
          navigate(routes.realName);
        }}
      />

      <View className='section section--flat'>
        <Text className='section__title'>
          申请材料（已提供 {answeredCount}/{spec.materials.length}）
        </Text>
      </View>
      {spec.materials.map((material, index) => (
        <MaterialCard
          key={material.id}
          index={index}
          material={material}
          answer={draft.answers[material.id]}
          progress={uploads.progress}
          licences={licences}
          error={errors[`materials.${material.id}`]}
          onPick={(source) => pick(material.id, source)}
          onRetry={(entry) => void uploads.retry(material.id, entry)}
          onRemove={(entry) => uploads.remove(material.id, entry)}
          onUseLicence={(licence) =>
            update((d) => ({
              ...d,
              answers: {
                ...d.answers,
                [material.id]: { way: 'e_licence', licenceId: licence.id, licenceName: licence.name },
              },
            }))
          }
          onCommit={() => commitments.sign(material.id)}
          onClearAnswer={() =>
            update((d) => {
              const answers = { ...d.answers };
              delete answers[material.id];
              return { ...d, answers };
            })
          }
        />
      ))}

      <DeliverySection
        delivery={draft.form.delivery}
        postAvailable={spec.postAvailable}
        errors={errors}
        onChange={(delivery) => changeForm({ delivery })}
      />

      <View className='section'>
        <FieldError message={notice} />
        <Button type='primary' block className='tap-target' loading={busy} onClick={() => void submit()}>
          提交预审
        </Button>
        <Text className='field__hint'>提交后由窗口工作人员预审，结果可在“我的办件”查看。</Text>
      </View>
    </>
  );
}
