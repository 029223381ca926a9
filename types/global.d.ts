/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'alipay' | 'h5' | 'swan' | 'tt' | 'qq' | 'jd' | 'harmony';
    /** Gateway origin, e.g. https://zwfw.example.gov.cn. Empty = same origin (H5 served by the gateway). */
    TARO_APP_API_BASE?: string;
    /** WeChat mini-program app id. */
    TARO_APP_WEAPP_ID?: string;
    /** Alipay mini-program app id. */
    TARO_APP_ALIPAY_ID?: string;
  }
}
