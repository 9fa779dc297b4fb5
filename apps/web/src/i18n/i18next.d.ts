import 'i18next';
import type { zhCN } from './zh-CN';

// Typed keys: t('nav.leads') is checked against the zh-CN resource (tsc fails on a missing key).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}
