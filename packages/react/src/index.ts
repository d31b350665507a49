/**
 * @qiangji/react — React components for the QiangJi web components, made with @lit/react's `createComponent`:
 * properties are set as properties (objects too), and the `qj-*` events are `on…` props.
 *
 * ```tsx
 * import { QjProvider, QjTaskProgressCard } from '@qiangji/react';
 *
 * <QjProvider apiBase="https://plan.example.gov.cn" embedKey="…" locale="zh-CN">
 *   <QjTaskProgressCard taskId="T04" onTaskOpen={(event) => navigate(`/tasks/${event.detail.taskId}`)} />
 * </QjProvider>
 * ```
 *
 * Event props drop the `qj-` prefix: `qj-task-open` → `onTaskOpen`, `qj-load` → `onLoad` (the widget's data settled;
 * it replaces React's DOM `onLoad` on these components). Importing this module registers the elements.
 * Browser only: registration needs `customElements`.
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import '@qiangji/elements/define/provider';
import '@qiangji/elements/define/task-progress-card';
import '@qiangji/elements/define/branch-rating-badge';
import '@qiangji/elements/define/member-service-map';
import '@qiangji/elements/define/mediation-case-form';

/**
 * The class registered for `tag`: when a page already has another copy of the elements, `defineElement` keeps that
 * registration, and the wrapper must describe the element the page really creates.
 */
function registered<K extends keyof HTMLElementTagNameMap>(tag: K): new () => HTMLElementTagNameMap[K] {
  const element = customElements.get(tag);
  if (!element) throw new Error(`<${tag}> is not registered`);
  return element as unknown as new () => HTMLElementTagNameMap[K];
}

/** The typed event name of a `qj-*` event, as declared by the elements in GlobalEventHandlersEventMap. */
const qjEvent = <K extends keyof GlobalEventHandlersEventMap>(name: K) => name as EventName<GlobalEventHandlersEventMap[K]>;

/** `<qj-provider>`: one SDK client and shared locale, theme and elder mode for every widget inside. */
export const QjProvider = createComponent({
  react: React,
  tagName: 'qj-provider',
  elementClass: registered('qj-provider'),
  displayName: 'QjProvider',
});

/** `<qj-task-progress-card>`: progress of one key task (重点任务) with its 督办 warning. */
export const QjTaskProgressCard = createComponent({
  react: React,
  tagName: 'qj-task-progress-card',
  elementClass: registered('qj-task-progress-card'),
  displayName: 'QjTaskProgressCard',
  events: {
    onTaskOpen: qjEvent('qj-task-open'),
    onLoad: qjEvent('qj-load'),
    onLiveUpdate: qjEvent('qj-live-update'),
  },
});

/** `<qj-branch-rating-badge>`: the star rating (星级评定) of a Party organisation. */
export const QjBranchRatingBadge = createComponent({
  react: React,
  tagName: 'qj-branch-rating-badge',
  elementClass: registered('qj-branch-rating-badge'),
  displayName: 'QjBranchRatingBadge',
  events: {
    onPopoverToggle: qjEvent('qj-popover-toggle'),
    onLoad: qjEvent('qj-load'),
  },
});

/** `<qj-member-service-map>`: where party members serve the people, clustered and keyboard-operable. */
export const QjMemberServiceMap = createComponent({
  react: React,
  tagName: 'qj-member-service-map',
  elementClass: registered('qj-member-service-map'),
  displayName: 'QjMemberServiceMap',
  events: {
    onPointSelect: qjEvent('qj-point-select'),
    onViewChange: qjEvent('qj-view-change'),
  },
});

/** `<qj-mediation-case-form>`: the 茶文化六步调解法 case form (识茶 → 醒茶 → 泡茶 → 斟茶 → 敬茶 → 悟茶). */
export const QjMediationCaseForm = createComponent({
  react: React,
  tagName: 'qj-mediation-case-form',
  elementClass: registered('qj-mediation-case-form'),
  displayName: 'QjMediationCaseForm',
  events: {
    onCaseChange: qjEvent('qj-case-change'),
    onCaseStep: qjEvent('qj-case-step'),
    onCaseStatus: qjEvent('qj-case-status'),
    onCaseConfirmed: qjEvent('qj-case-confirmed'),
    onCaseComplete: qjEvent('qj-case-complete'),
  },
});
