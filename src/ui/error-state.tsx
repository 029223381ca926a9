import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { describeError } from '@/core/http/api-error';

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
          <Button type='primary' className='tap-target' onClick={onRetry}>
            重试
          </Button>
        ) : null}
        {secondary ? (
          <Button className='tap-target' onClick={secondary.onClick}>
            {secondary.label}
          </Button>
        ) : null}
      </View>
    </View>
  );
}
