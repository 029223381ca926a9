/**
 * Build-time configuration, read once. Taro inlines `process.env.TARO_APP_*` from the `.env*`
 * files at build time, so nothing here is a secret: never put one in those files.
 */
export type AppPlatform = 'weapp' | 'alipay' | 'h5';

function readPlatform(): AppPlatform {
  const value = process.env.TARO_ENV;
  return value === 'weapp' || value === 'alipay' ? value : 'h5';
}

function trimSlash(value: string | undefined): string {
  return (value ?? '').trim().replace(/\/+$/, '');
}

const platform = readPlatform();

export const env = {
  platform,
  /**
   * Gateway origin. H5 is served by the gateway itself, so it defaults to the page's own origin
   * (empty); mini-programs need an absolute HTTPS origin from TARO_APP_API_BASE.
   */
  apiOrigin: platform === 'h5' ? trimSlash(process.env.TARO_APP_H5_API_BASE) : trimSlash(process.env.TARO_APP_API_BASE),
} as const;
