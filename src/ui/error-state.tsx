import { Text, View } from '@tarojs/components';
import { describeError } from '@/core/http/api-error';
import { ActionButton } from './action-button';

export type ErrorStateProps = {
  error: unknown;
  onRetry?: () => void;
  /** A second way forward, e.g. back to the home page. */
  secondary?: { label: string; onClick: () => void };
};

/** A gateway failure, said in Chinese, with a way forward: never a blank page. */
export function ErrorState({ error, onRetry, secondary }: ErrorStateProps) {
  return (
    <View className='state state--error' role='alert'>
      <Text className='state__title'>出错了</Text>
      <Text className='state__message'>{describeError(error)}</Text>
      <View className='state__actions'>
        {onRetry ? (
          <ActionButton variant='primary' onClick={onRetry}>
            重试
          </ActionButton>
        ) : null}
        {secondary ? <ActionButton onClick={secondary.onClick}>{secondary.label}</ActionButton> : null}
      </View>
    </View>
  );
}
