// The list of APIs (apis.listApis) with their key counts, each opening its analytics.
import { h } from '../dom.js';
import { count } from '../format.js';
import { t } from '../i18n.js';
import { curlCommand, emptyState, rootKeyNote } from '../components/emptystate.js';

export function apisView(ctx) {
  const list = h('div', { class: 'api-list' });
  const element = h('div', { class: 'view' }, h('div', { class: 'view-header' }, h('h1', {}, t('APIs'))), list);
  return {
    element,
    async start() {
      ctx.setTitle(t('APIs'));
      const apis = [];
      let cursor;
      do {
        const { data, pagination } = await ctx.api.call('apis.listApis', cursor ? { cursor, limit: 100 } : { limit: 100 });
        apis.push(...data);
        cursor = pagination?.hasMore ? pagination.cursor : undefined;
      } while (cursor && apis.length < 1000);
      if (apis.length === 0) {
        list.append(emptyState({ title: t('No APIs yet'), text: t('Create one, then issue keys for it:'),
          command: curlCommand('apis.createApi', '{"name":"my-api"}', ctx.rootKeyFile), note: rootKeyNote(ctx) }));
        return;
      }
      list.append(...apis.map((api) => h('a', { class: 'card api-row', href: `#/apis/${encodeURIComponent(api.id)}` },
        h('strong', {}, api.name), h('span', { class: 'mono muted' }, api.id),
        h('span', { class: 'api-keys' }, t('{n} keys', { count: api.keyCount, n: count(api.keyCount) })))));
    },
    destroy() {},
  };
}
