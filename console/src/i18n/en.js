// English: the texts are their own keys; only plural forms need an entry.
export default {
  '{n} keys': { one: '{n} key', other: '{n} keys' },
  '{n} new': { one: '{n} new', other: '{n} new' },
};
