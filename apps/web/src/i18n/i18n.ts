// react-i18next set-up: zh-CN first, English second. The choice is kept in localStorage and sent to the
// API as Accept-Language (labels of dictionaries, permit steps and the briefing come from the API).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { setApiLanguage } from '../api/client';
import type { UiLanguage } from '../lib/format';
import { en } from './en';
import { zhCN } from './zh-CN';

export const LANGUAGES: { key: UiLanguage; label: string }[] = [
  { key: 'zh-CN', label: '简体中文' },
  { key: 'en', label: 'English' },
];
const STORAGE_KEY = 'zs.lang';

export function initialLanguage(): UiLanguage {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' || stored === 'zh-CN' ? stored : 'zh-CN';
}

export function applyLanguage(language: UiLanguage): Promise<unknown> {
  localStorage.setItem(STORAGE_KEY, language);
  setApiLanguage(language);
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = language;
  return i18n.changeLanguage(language);
}

const start = initialLanguage();
setApiLanguage(start);
dayjs.locale(start === 'en' ? 'en' : 'zh-cn');
document.documentElement.lang = start;

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: start,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
