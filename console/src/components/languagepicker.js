// The language picker of the standalone console's chrome (and its login page): each language
// named in itself; the choice is remembered (i18n.js) and the page rebuilt in it.
import { h } from '../dom.js';
import { LANGUAGES, currentLanguage, setLanguage, t } from '../i18n.js';

export function languagePicker() {
  const select = h('select', { class: 'select', 'aria-label': t('Language'), title: t('Language'),
    dataset: { testid: 'language' }, onchange: (event) => setLanguage(event.target.value) },
  LANGUAGES.map((language) => h('option', { value: language.id, lang: language.id }, language.name)));
  select.value = currentLanguage();
  return select;
}
