/** The frame of `<qj-member-service-map>`: toolbar, map stage with its overlays, and the side panel. */
import { CHAOZHOU_CITY_CODE, type Locale } from '@qiangji/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { formatNumber } from '../../i18n/index.js';
import { mapT } from './map.i18n.js';
import type { BaseLayerSpec } from './base-layers.js';
import { LARGE, type Phase } from './map-data-controller.js';
import type { PointDetails, ViewItem } from './map-data.js';
import {
  breadcrumbTemplate,
  divisionsTemplate,
  legendTemplate,
  listTemplate,
  popupTemplate,
  progressTemplate,
  stateTemplate,
  type Crumb,
  type ListOptions,
} from './map-panel.js';

export interface Popup {
  item: ViewItem;
  details: PointDetails;
  loading: boolean;
}

export interface FrameModel {
  locale: Locale;
  phase: Phase;
  /** Points loaded (null before any). */
  size: number | null;
  progress: { done: number; total: number } | null;
  spec: BaseLayerSpec & { missingKey: boolean };
  boundaries: boolean;
  /** Name of the current drill unit, for the map's label. */
  area: string;
  crumbs: Crumb[];
  children: Crumb[];
  viewTotal: number;
  popup: Popup | null;
  legend: Parameters<typeof legendTemplate>[0];
  list: ListOptions;
  onDrill: (key: string) => void;
  onZoom: (delta: number) => void;
  onRetry: () => void;
  onClosePopup: () => void;
  onPopupKeydown: (event: KeyboardEvent) => void;
  onStageKeydown: (event: KeyboardEvent) => void;
}

export function frameTemplate(model: FrameModel): TemplateResult {
  const { locale, phase, spec } = model;
  const busy = phase === 'loading' || (phase === 'indexing' && (model.size ?? LARGE) >= LARGE);
  return html`<div class="frame" part="frame">
    <div class="toolbar">
      ${breadcrumbTemplate(locale, model.crumbs, model.onDrill)}
      <p class="summary" part="summary" role="status">
        ${phase === 'ready' ? mapT(locale, 'map.summary', { count: formatNumber(locale, model.viewTotal) }) : mapT(locale, 'map.summaryLoading')}
      </p>
    </div>
    <div class="body">
      <div class="stage" @keydown=${model.onStageKeydown}>
        <div
          class="map"
          part="map"
          tabindex="0"
          role="application"
          aria-roledescription=${mapT(locale, 'map.mapRoleDescription')}
          aria-label=${mapT(locale, 'map.mapLabel', { area: model.area })}
          aria-describedby="map-help"
        ></div>
        <p id="map-help" class="visually-hidden">${mapT(locale, 'map.mapHelp')}</p>
        <div class="controls" part="controls">
          <button type="button" class="button" aria-label=${mapT(locale, 'map.zoomIn')} @click=${() => model.onZoom(1)}>+</button>
          <button type="button" class="button" aria-label=${mapT(locale, 'map.zoomOut')} @click=${() => model.onZoom(-1)}>−</button>
          <button type="button" class="button reset" @click=${() => model.onDrill(CHAOZHOU_CITY_CODE)}>${mapT(locale, 'map.wholeCity')}</button>
        </div>
        ${spec.missingKey ? html`<p class="notice" role="note">${mapT(locale, 'map.tiandituKeyMissing')}</p>` : nothing}
        <div class="attribution" part="attribution">
          <slot name="attribution"></slot>
          ${spec.attribution ? html`<span>${spec.attribution}</span>` : nothing}
          ${model.boundaries ? html`<span>${mapT(locale, 'map.boundariesNote')}</span>` : nothing}
        </div>
        ${busy ? progressTemplate(locale, phase === 'indexing' ? model.progress : null) : nothing}
        ${stateTemplate(locale, phase, model.onRetry)}
        ${model.popup
          ? popupTemplate({ locale, details: model.popup.details, loading: model.popup.loading, onClose: model.onClosePopup, onKeydown: model.onPopupKeydown })
          : nothing}
      </div>
      <div class="panel" part="panel">
        ${legendTemplate(model.legend)} ${divisionsTemplate(locale, model.children, model.onDrill)}
        ${model.size === null ? nothing : listTemplate(model.list)}
      </div>
    </div>
  </div>`;
}
