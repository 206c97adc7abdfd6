import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import i18next, { type BackendModule, type ResourceLanguage } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

const LANGUAGE_STORAGE_KEY = 'hoso.language';

// Each file i18n/<language>/<namespace>.json is one namespace of one language. A module adds its
// own pair of files (vi and en) and calls `useTranslation('<namespace>')`; nothing here changes.
// The namespace "common" ships with the first load; every other one is fetched the first time a
// component asks for it, so adding modules does not grow the first load.
const commonFiles = import.meta.glob<ResourceLanguage>('./*/common.json', { eager: true, import: 'default' });
const namespaceLoaders = import.meta.glob<ResourceLanguage>(['./*/*.json', '!./*/common.json'], {
  import: 'default',
});

function bundledResources(): Record<string, { common: ResourceLanguage }> {
  const resources: Record<string, { common: ResourceLanguage }> = {};
  for (const [path, content] of Object.entries(commonFiles)) {
    const language = /^\.\/([a-z]+)\//.exec(path)?.[1];
    if (language) resources[language] = { common: content };
  }
  return resources;
}

const lazyNamespaces: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = namespaceLoaders[`./${language}/${namespace}.json`];
    // A namespace missing in one language falls back to Vietnamese through fallbackLng.
    if (!load) return callback(null, {});
    load().then(
      (content) => callback(null, content),
      (error: Error) => callback(error, null),
    );
  },
};

function storedLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(LANGUAGE_STORAGE_KEY);
  return stored === 'en' ? 'en' : 'vi';
}

function applyLanguage(language: Language): void {
  dayjs.locale(language);
  document.documentElement.lang = language;
}

void i18next
  .use(lazyNamespaces)
  .use(initReactI18next)
  .init({
    resources: bundledResources(),
    partialBundledLanguages: true,
    // "common" is bundled, so initialisation finishes before the first render.
    initAsync: false,
    // Vietnamese is the working language; English is chosen explicitly, never guessed from the browser.
    lng: storedLanguage(),
    fallbackLng: 'vi',
    ns: ['common'],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
applyLanguage(storedLanguage());

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'vi';
}

export async function changeLanguage(language: Language): Promise<void> {
  localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  applyLanguage(language);
  await i18next.changeLanguage(language);
}

/** The namespace of an i18n key written "<namespace>:<key>", or "common". */
export function namespaceOf(key: string): string {
  const separator = key.indexOf(':');
  return separator === -1 ? 'common' : key.slice(0, separator);
}

export { i18next };
