import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, type Language, languages } from '../i18n/index.ts';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('language.label')}
      value={i18n.language === 'en' ? 'en' : 'vi'}
      options={languages.map((language) => ({
        value: language,
        label: language.toUpperCase(),
        title: t(`language.${language}`),
      }))}
      onChange={(language) => void changeLanguage(language)}
    />
  );
}
