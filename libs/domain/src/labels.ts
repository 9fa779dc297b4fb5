/** A user-facing label in both supported languages. */
export interface Label {
  zh: string;
  en: string;
}

export type Language = keyof Label;

/** Picks the label text for a language; zh-CN is the default language of the product. */
export function labelText(label: Label, language: Language = 'zh'): string {
  return label[language];
}
