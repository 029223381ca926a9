import { Text, View } from '@tarojs/components';
import type { ELicence, MaterialRequirement } from '@contract/prereview';
import { env } from '@/core/env';
import { formatFileSize, formatMaterialTerms } from '@/lib/format';
import type { FileEntry, LocalAnswer } from './local-draft';
import { FieldError } from '@/ui/field-error';
import '@/ui/field.scss';

export type MaterialSource = 'camera' | 'album' | 'pdf';

export type MaterialCardProps = {
  index: number;
  material: MaterialRequirement;
  answer: LocalAnswer | undefined;
  /** Upload progress 0–1 by file entry key. */
  progress: Record<string, number>;
  licences: readonly ELicence[];
  error?: string;
  /** The officer's comment when this material was returned for correction. */
  returnedComment?: string;
  onPick: (source: MaterialSource) => void;
  onRetry: (entry: FileEntry) => void;
  onRemove: (entry: FileEntry) => void;
  onUseLicence: (licence: ELicence) => void;
  onCommit: () => void;
  onClearAnswer: () => void;
};

function FileRow({
  entry,
  progress,
  onRetry,
  onRemove,
}: {
  entry: FileEntry;
  progress: number | undefined;
  onRetry: () => void;
  onRemove: () => void;
}) {
  const percent = Math.round((progress ?? 0) * 100);
  return (
    <View className='file' role='listitem'>
      <View className='file__main'>
        <Text className='file__name'>{entry.name}</Text>
        <Text className='file__meta'>
          {formatFileSize(entry.size)} ·{' '}
          {entry.status === 'done' ? '已上传' : entry.status === 'failed' ? '上传失败' : `上传中 ${percent}%`}
        </Text>
        {entry.status === 'uploading' ? (
          <View className='file__bar' role='progressbar' aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100}>
            <View className='file__bar-fill' style={{ width: `${percent}%` }} />
          </View>
        ) : null}
        {entry.status === 'failed' && entry.error ? (
          <View className='file__error' role='alert'>
            {entry.error}
          </View>
        ) : null}
      </View>
      <View className='file__actions'>
        {entry.status === 'failed' ? (
          <View className='link tap-target' role='button' onClick={onRetry}>
            重试
          </View>
        ) : null}
        <View
          className='link link--danger tap-target'
          role='button'
          aria-label={`删除 ${entry.name}`}
          onClick={onRemove}
        >
          删除
        </View>
      </View>
    </View>
  );
}

/**
 * One material of the application: what it is (原件/复印件/电子, 份数, 必要性, 审查要点) and how to
 * satisfy it — photos, a PDF, an e-licence from the wallet, or 告知承诺 where the item allows it.
 */
export function MaterialCard({
  index,
  material,
  answer,
  progress,
  licences,
  error,
  returnedComment,
  onPick,
  onRetry,
  onRemove,
  onUseLicence,
  onCommit,
  onClearAnswer,
}: MaterialCardProps) {
  const files = answer?.way === 'files' ? answer.files : [];
  // A licence stands for the material that names it (居民身份证 for 法定代表人居民身份证, not for 户口簿).
  const usableLicences = licences.filter((licence) => material.name.includes(licence.name));
  const full = files.length >= material.maxFiles;
  const takesImages = material.accept.some((t) => t !== 'application/pdf');
  // Alipay has no chat-file picker: PDFs are offered where a platform can pick them.
  const takesPdf = material.accept.includes('application/pdf') && env.platform !== 'alipay';
  return (
    <View className={error ? 'section mcard mcard--error' : 'section mcard'} role='group' aria-label={material.name}>
      <Text className='mcard__name'>
        {index + 1}. {material.name}
        {material.necessity === 'required' ? <Text className='mcard__required'>（必交）</Text> : null}
      </Text>
      <Text className='mcard__meta'>{formatMaterialTerms(material)}</Text>
      {material.reviewPoints ? <Text className='mcard__points'>审查要点：{material.reviewPoints}</Text> : null}
      {returnedComment ? (
        <View className='mcard__returned' role='alert'>
          需补正：{returnedComment}
        </View>
      ) : null}

      {answer?.way === 'e_licence' ? (
        <View className='mcard__chosen'>
          <Text>已使用电子证照：{answer.licenceName}</Text>
          <View className='link tap-target' role='button' onClick={onClearAnswer}>
            改为上传
          </View>
        </View>
      ) : null}
      {answer?.way === 'commitment' ? (
        <View className='mcard__chosen'>
          <Text>已签署告知承诺代替此材料</Text>
          <View className='link tap-target' role='button' onClick={onClearAnswer}>
            改为上传
          </View>
        </View>
      ) : null}

      {answer === undefined || answer.way === 'files' ? (
        <>
          {files.length > 0 ? (
            <View role='list' aria-label={`${material.name}的文件`}>
              {files.map((entry) => (
                <FileRow
                  key={entry.key}
                  entry={entry}
                  progress={progress[entry.key]}
                  onRetry={() => onRetry(entry)}
                  onRemove={() => onRemove(entry)}
                />
              ))}
            </View>
          ) : null}
          <Text className='mcard__limits'>
            {takesImages ? `图片不超过 ${formatFileSize(material.maxImageBytes)}` : ''}
            {takesImages && takesPdf ? '，' : ''}
            {takesPdf ? `PDF 不超过 ${formatFileSize(material.maxPdfBytes)}` : ''}，最多 {material.maxFiles} 个文件
          </Text>
          {full ? null : (
            <View className='mcard__ways'>
              {takesImages ? (
                <>
                  <View className='way tap-target' role='button' onClick={() => onPick('camera')}>
                    拍照
                  </View>
                  <View className='way tap-target' role='button' onClick={() => onPick('album')}>
                    从相册选择
                  </View>
                </>
              ) : null}
              {takesPdf ? (
                <View className='way tap-target' role='button' onClick={() => onPick('pdf')}>
                  {env.platform === 'weapp' ? '从聊天记录选 PDF' : '选择 PDF 文件'}
                </View>
              ) : null}
              {material.eLicenceAccepted && files.length === 0
                ? usableLicences.map((licence) => (
                    <View
                      key={licence.id}
                      className='way tap-target'
                      role='button'
                      onClick={() => onUseLicence(licence)}
                    >
                      用电子证照：{licence.name}
                    </View>
                  ))
                : null}
              {material.commitmentAllowed && files.length === 0 ? (
                <View className='way way--commit tap-target' role='button' onClick={onCommit}>
                  告知承诺代替
                </View>
              ) : null}
            </View>
          )}
        </>
      ) : null}
      <FieldError message={error} />
    </View>
  );
}
