/**
 * Compile-time checks, run by `npm run typecheck` (never executed): the generated JSX and Vue typings of
 * packages/elements/types and the React wrappers type props and `qj-*` event details from the element classes.
 */
import type { ComponentProps, JSX } from 'react';
import type { GlobalComponents } from 'vue';
import type {} from '../../elements/types/jsx.js';
import type {} from '../../elements/types/vue.js';
import type { QjBranchRatingBadge, QjMediationCaseForm, QjMemberServiceMap, QjTaskProgressCard } from '../src/index.js';

type CardTag = JSX.IntrinsicElements['qj-task-progress-card'];
export const cardTag: CardTag = {
  'task-id': 'T04',
  variant: 'compact',
  'heading-level': 2,
  className: 'portal-card',
  'onqj-task-open': (event) => event.detail.taskId.toUpperCase(),
};
// @ts-expect-error not a variant of the card
export const cardTagVariant: CardTag = { variant: 'huge' };
// @ts-expect-error the event's detail has no percent
export const cardTagListener: CardTag = { 'onqj-task-open': (event) => event.detail.percent };

export const mapTag: JSX.IntrinsicElements['qj-member-service-map'] = {
  'base-layer': 'none',
  'onqj-point-select': (event) => event.detail.lon + event.detail.lat,
};
export const formTag: JSX.IntrinsicElements['qj-mediation-case-form'] = {
  'case-id': 'case-0001',
  'onqj-case-step': (event) => event.detail.step,
};

type VueProps<K extends keyof GlobalComponents> = InstanceType<GlobalComponents[K]>['$props'];
export const vueCard: VueProps<'qj-task-progress-card'> = { taskId: 'T04', onQjTaskOpen: (event) => event.detail.taskId };
// @ts-expect-error size is sm, md or lg
export const vueBadge: VueProps<'qj-branch-rating-badge'> = { size: 'xl' };

export const reactCard: ComponentProps<typeof QjTaskProgressCard> = { taskId: 'T04', onTaskOpen: (event) => event.detail.taskId, onLoad: (event) => event.detail.state };
export const reactBadge: ComponentProps<typeof QjBranchRatingBadge> = { orgId: '445102', details: true, onPopoverToggle: (event) => event.detail.open };
export const reactMap: ComponentProps<typeof QjMemberServiceMap> = { baseLayer: 'none', onViewChange: (event) => event.detail.count };
export const reactForm: ComponentProps<typeof QjMediationCaseForm> = { caseId: 'case-0001', onCaseConfirmed: (event) => event.detail.case.caseNumber };
