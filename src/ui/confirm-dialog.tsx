import { Dialog } from '@nutui/nutui-react-taro';
import { useCallback, useRef, useState, type ReactElement } from 'react';

export type ConfirmOptions = {
  title: string;
  content: string;
  /** Defaults to 确定. Name the action where it is not obvious: 撤回, 删除, 退出登录. */
  confirmText?: string;
  cancelText?: string;
  /** Only an 知道了 button: a message that needs no decision. */
  alert?: boolean;
};

type Pending = ConfirmOptions & { resolve: (confirmed: boolean) => void };

export type ConfirmDialog = {
  /** Render once in the page; it shows while a confirmation is pending. */
  dialog: ReactElement;
  /** Opens the dialog; true when the person confirmed, false when they cancelled or closed it. */
  confirm: (options: ConfirmOptions) => Promise<boolean>;
};

/**
 * NutUI's Dialog, themed like the rest of the page and awaited like Taro.showModal. The native
 * modal ignores the theme and 关怀模式's larger type; this one follows both.
 */
export function useConfirmDialog(): ConfirmDialog {
  const [pending, setPending] = useState<Pending | null>(null);
  // NutUI calls onConfirm and then onClose: only the first answer counts.
  const settled = useRef(true);

  const confirm = useCallback(
    (options: ConfirmOptions) =>
      new Promise<boolean>((resolve) => {
        settled.current = false;
        setPending({ ...options, resolve });
      }),
    [],
  );

  const settle = (confirmed: boolean) => {
    if (settled.current || !pending) return;
    settled.current = true;
    setPending(null);
    pending.resolve(confirmed);
  };

  const dialog = (
    <Dialog
      className='confirm-dialog'
      visible={pending !== null}
      title={pending?.title}
      content={pending?.content}
      confirmText={pending?.confirmText ?? (pending?.alert ? '知道了' : '确定')}
      cancelText={pending?.cancelText ?? '取消'}
      hideCancelButton={pending?.alert ?? false}
      closeOnOverlayClick={false}
      onConfirm={() => settle(true)}
      onCancel={() => settle(false)}
      onClose={() => settle(false)}
    />
  );
  return { dialog, confirm };
}
