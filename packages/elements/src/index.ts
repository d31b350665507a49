/**
 * @qiangji/elements — QiangJi web components (Lit 3). This entry exports the classes without registering them;
 * register with `@qiangji/elements/define/<name>` or `@qiangji/elements/define-all`.
 */
export { QjElement } from './base/qj-element.js';
export { QjWidget } from './base/qj-widget.js';
export { defineElement, definedVersion, elementsVersion } from './base/define.js';
export type { QjEventMap, QjEventName } from './base/events.js';
export { clientContext, settingsContext, type Settings, type Theme } from './context/contexts.js';
export { isForbidden, isNotFound, oncePerClient, type QjClient, type RequestOptions } from './context/client.js';
export { sharedClient, makeClient, type ClientConfig } from './context/shared-clients.js';
export { ResourceController, type ResourceOptions, type ResourceState } from './controllers/resource-controller.js';
export { EventsController, type EventsOptions } from './controllers/events-controller.js';
export { t, label, hasCatalog, loadCatalog, formatDate, formatNumber, formatRelativeDays, normalizeLocale, defaultLocale } from './i18n/index.js';
export type { Catalog, CatalogKey, MessageParams } from './i18n/index.js';
export { tokens, refTokens } from './styles/tokens.js';
export { sharedStyles } from './styles/shared.js';
export { QjProvider } from './components/provider/provider.js';
export { QjTaskProgressCard } from './components/task-progress-card/task-progress-card.js';
export { QjBranchRatingBadge } from './components/branch-rating-badge/branch-rating-badge.js';
export { QjMediationCaseForm, type CaseFormValue, type CaseFormClient, type CaseFormMode } from './components/mediation-case-form/case-form.js';
export { clearUser as clearMediationDrafts } from './components/mediation-case-form/draft-store.js';
export { QjMemberServiceMap } from './components/member-service-map/map.js';
export type { PointSelectDetail, ViewChangeDetail } from './components/member-service-map/map-events.js';
export type { PointsInput, ServicePointInput, ServicePointColumnsInput } from './components/member-service-map/points.js';
export type { BaseLayerId } from './components/member-service-map/base-layers.js';
