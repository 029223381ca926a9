import { Button, CountDown } from '@nutui/nutui-react-taro';
import type { CountDownTime } from '@nutui/nutui-react-taro';
import { useState } from 'react';

/** Whole seconds still to wait, rounded up: 59.2 s left reads 60秒, and 0.4 s reads 1秒. */
const secondsOf = (t: CountDownTime): number =>
  Math.ceil(((t.d * 24 + t.h) * 60 + t.m) * 60 + t.s + t.ms / 1000 - 1e-9);

export type ResendButtonProps = {
  /** Milliseconds until a new code may be asked for; undefined when it may be now. */
  waitMs: number | undefined;
  sending: boolean;
  onSend: () => void;
  /** The wait is over. */
  onWaited: () => void;
};

/**
 * 获取验证码, then 59秒后重发 counted down by NutUI's CountDown; the button refuses taps until the
 * count ends. CountDown draws our text (its children) and tells us each second through onUpdate.
 */
export function ResendButton({ waitMs, sending, onSend, onWaited }: ResendButtonProps) {
  const [secondsLeft, setSecondsLeft] = useState<number>();
  const waiting = waitMs !== undefined;
  return (
    <Button
      className='tap-target login__resend'
      disabled={waiting}
      loading={sending}
      onClick={() => {
        if (!waiting && !sending) onSend();
      }}
    >
      {waiting ? (
        <CountDown
          remainingTime={waitMs}
          destroy
          onUpdate={(rest) => {
            // Its first update, before it starts, says 0: the end is onEnd's to tell.
            const seconds = typeof rest === 'string' ? 0 : secondsOf(rest);
            if (seconds > 0) setSecondsLeft(seconds);
          }}
          onEnd={() => {
            setSecondsLeft(undefined);
            onWaited();
          }}
        >
          {`${secondsLeft ?? Math.ceil(waitMs / 1000)}秒后重发`}
        </CountDown>
      ) : (
        '获取验证码'
      )}
    </Button>
  );
}
