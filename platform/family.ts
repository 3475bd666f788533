import { t } from './i18n';

/** A page family's name in the reader's language (locale key family_<id>), else its English label. */
export function familyLabel(id: string, fallback = id): string {
  try {
    return t(`family_${id.replace(/-/g, '_')}` as Parameters<typeof t>[0]) || fallback;
  } catch {
    return fallback; // a family the locale files do not know yet
  }
}
