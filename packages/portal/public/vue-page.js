/* global Vue */
/**
 * The Vue 3 host page: the same widgets, rendered by Vue's runtime-only build with render functions (no template
 * compiler, so no `new Function` under the CSP). Locale and elder mode are reactive state bound to attributes.
 */
(function () {
  var h = Vue.h;
  var ref = Vue.ref;

  var App = {
    setup: function () {
      var locale = ref('zh-CN');
      var elder = ref(false);
      var lastEvent = ref('');

      function toggle(label, pressed, onClick, lang) {
        return h('button', { type: 'button', class: 'tool', 'aria-pressed': String(pressed), lang: lang, onClick: onClick }, label);
      }

      return function render() {
        return h('section', { class: 'panel', 'aria-labelledby': 'vue-widgets-title' }, [
          h('h2', { id: 'vue-widgets-title' }, '由 Vue 渲染的组件'),
          h('ul', { class: 'utility-tools', 'aria-label': '辅助功能' }, [
            h('li', null, [toggle('长者模式', elder.value, function () { elder.value = !elder.value; })]),
            h('li', null, [
              toggle('繁體', locale.value === 'zh-HK', function () { locale.value = locale.value === 'zh-HK' ? 'zh-CN' : 'zh-HK'; }, 'zh-HK'),
            ]),
          ]),
          h(
            'qj-provider',
            {
              'api-base': '/',
              'embed-key': 'qj-demo-embed-key',
              locale: locale.value,
              // Booleans and numbers, not strings: Vue sets a defined element's properties directly.
              elder: elder.value,
              onQjTaskOpen: function (event) {
                lastEvent.value = 'qj-task-open：' + event.detail.taskId;
              },
            },
            [
              h('div', { class: 'card-grid' }, [
                h('qj-task-progress-card', { 'task-id': 'T05', variant: 'compact' }),
                h('qj-task-progress-card', { 'task-id': 'T08', variant: 'compact' }),
              ]),
              h('ul', { class: 'badge-list' }, [
                h('li', null, [h('qj-branch-rating-badge', { 'org-id': '445102007200', year: 2025, details: true })]),
                h('li', null, [h('qj-branch-rating-badge', { 'org-id': '445102007204', year: 2025, details: true })]),
              ]),
              h('qj-member-service-map', { 'base-layer': 'none' }, [h('span', { slot: 'attribution' }, '审图号：粤S(2024)xxx号（示例）')]),
              h('qj-mediation-case-form'),
            ],
          ),
          h('p', { class: 'section-note', role: 'status', id: 'vue-events' }, lastEvent.value),
        ]);
      };
    },
  };

  Vue.createApp(App).mount('#vue-app');
})();
