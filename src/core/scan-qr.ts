import Taro from '@tarojs/taro';

/** What came of opening the camera to scan a QR code. */
export type ScanOutcome = { kind: 'scanned'; content: string } | { kind: 'cancelled' } | { kind: 'failed' };

/**
 * Taro gives `result` on both platforms (on Alipay it copies `my.scan`'s `code` into it), but a
 * cancelled scan differs: `errMsg: "scanCode:fail cancel"` on WeChat, error 10 on Alipay.
 */
const ALIPAY_SCAN_CANCELLED = 10;

function isCancel(error: unknown): boolean {
  const failure = error as { errMsg?: string; error?: number } | undefined;
  return /cancel/i.test(String(failure?.errMsg ?? '')) || failure?.error === ALIPAY_SCAN_CANCELLED;
}

/** Scans a QR code with the camera only (a photo from the album would let anyone rate from afar). */
export async function scanQrCode(): Promise<ScanOutcome> {
  try {
    const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return typeof result === 'string' && result.trim() !== ''
      ? { kind: 'scanned', content: result }
      : { kind: 'failed' };
  } catch (error) {
    return isCancel(error) ? { kind: 'cancelled' } : { kind: 'failed' };
  }
}
