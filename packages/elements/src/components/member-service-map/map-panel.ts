/**
 * Templates of `<qj-member-service-map>` that only read state: legend, breadcrumb, divisions, in-view list, popup
 * and the progress indicator. The element passes what they need and the handlers.
 */
import { servicePointTypes, type Locale, type ServicePointType } from '@qiangji/contract';
import { html, nothing, svg, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { formatNumber, t } from '../../i18n/index.js';
import { mapT } from './map.i18n.js';
import type { PointDetails, ViewItem } from './map-data.js';
import { shapePath, typeStyles } from './shapes.js';

export const PAGE_SIZE = 10;

/** A cluster in the list: three overlapping dots (the count is in the text beside it). */
const clusterGlyph = html`<svg class="cluster-glyph" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
  ${svg`<circle cx="7" cy="12" r="5"></circle><circle cx="13" cy="12" r="5" opacity="0.75"></circle><circle cx="10" cy="6.5" r="5" opacity="0.55"></circle>`}
</svg>`;

const typeLabel = (type: ServicePointType, locale: Locale) =>
  servicePointTypes.find((entry) => entry.id === type)?.label[locale] ?? type;

/** The type's shape in its colour (never colour alone: the text label sits beside it). */
export function swatch(type: ServicePointType, dark: boolean): TemplateResult {
  const style = typeStyles[type];
  return html`<svg class="swatch" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
    ${svg`<path d=${shapePath(style.shape, 20)} fill=${dark ? style.dark : style.light}></path>`}
  </svg>`;
}

export function legendTemplate(options: {
  locale: Locale;
  dark: boolean;
  counts: Uint32Array | null;
  hidden: ReadonlySet<ServicePointType>;
  allowed: readonly ServicePointType[] | null;
  onToggle: (type: ServicePointType) => void;
}): TemplateResult {
  const { locale } = options;
  const types = servicePointTypes.filter((entry) => !options.allowed || options.allowed.includes(entry.id));
  return html`<section class="legend" part="legend" aria-labelledby="legend-heading">
    <h2 id="legend-heading">${mapT(locale, 'map.legendHeading')}</h2>
    <p class="hint" id="legend-hint">${mapT(locale, 'map.legendToggleHint')}</p>
    <ul>
      ${types.map(({ id }) => {
        const index = servicePointTypes.findIndex((entry) => entry.id === id);
        const count = formatNumber(locale, options.counts?.[index] ?? 0);
        return html`<li>
          <button
            type="button"
            part="legend-item"
            aria-pressed=${options.hidden.has(id) ? 'false' : 'true'}
            aria-describedby="legend-hint"
            @click=${() => options.onToggle(id)}
          >
            ${swatch(id, options.dark)}<span class="name">${typeLabel(id, locale)}</span><span class="count">${count}</span>
          </button>
        </li>`;
      })}
    </ul>
  </section>`;
}

export interface Crumb {
  key: string;
  name: string;
  count: number | null;
}

export function breadcrumbTemplate(locale: Locale, crumbs: readonly Crumb[], onDrill: (key: string) => void): TemplateResult {
  const count = (crumb: Crumb) =>
    crumb.count === null ? nothing : html` <span class="count">${formatNumber(locale, crumb.count)}</span>`;
  return html`<nav class="breadcrumb" part="breadcrumb" aria-label=${mapT(locale, 'map.breadcrumbLabel')}>
    <ol>
      ${crumbs.map((crumb, index) =>
        index === crumbs.length - 1
          ? html`<li><span aria-current="location">${crumb.name}</span>${count(crumb)}</li>`
          : html`<li><button type="button" class="link" @click=${() => onDrill(crumb.key)}>${crumb.name}</button>${count(crumb)}</li>`,
      )}
    </ol>
  </nav>`;
}

export function divisionsTemplate(locale: Locale, children: readonly Crumb[], onDrill: (key: string) => void): TemplateResult | typeof nothing {
  if (children.length === 0) return nothing;
  return html`<section class="divisions" part="divisions" aria-labelledby="divisions-heading">
    <h2 id="divisions-heading">${mapT(locale, 'map.childrenHeading')}</h2>
    <ul>
      ${children.map(
        (child) => html`<li>
          <button
            type="button"
            class="button"
            aria-label=${mapT(locale, 'map.childItem', { name: child.name, count: formatNumber(locale, child.count ?? 0) })}
            @click=${() => onDrill(child.key)}
          >
            ${child.name} <span class="count">${formatNumber(locale, child.count ?? 0)}</span>
          </button>
        </li>`,
      )}
    </ul>
  </section>`;
}

/**
 * Where a key moves the list's focus (roving tabindex over pages of PAGE_SIZE): arrows step across pages, Home/End
 * stay on the page, PageUp/PageDown turn it; 'activate' for Enter/Space; null for keys the list does not use.
 */
export function listKeyTarget(
  key: string,
  position: { page: number; focusIndex: number },
  total: number,
): { page: number; focusIndex: number } | 'activate' | null {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const onPage = Math.min(PAGE_SIZE, total - position.page * PAGE_SIZE);
  const { page, focusIndex } = position;
  switch (key) {
    case 'ArrowDown':
      if (focusIndex < onPage - 1) return { page, focusIndex: focusIndex + 1 };
      return page < pages - 1 ? { page: page + 1, focusIndex: 0 } : position;
    case 'ArrowUp':
      if (focusIndex > 0) return { page, focusIndex: focusIndex - 1 };
      return page > 0 ? { page: page - 1, focusIndex: PAGE_SIZE - 1 } : position;
    case 'Home':
      return { page, focusIndex: 0 };
    case 'End':
      return { page, focusIndex: onPage - 1 };
    case 'PageDown':
      return page < pages - 1 ? { page: page + 1, focusIndex: 0 } : position;
    case 'PageUp':
      return page > 0 ? { page: page - 1, focusIndex: 0 } : position;
    case 'Enter':
    case ' ':
      return 'activate';
    default:
      return null;
  }
}

export interface ListOptions {
  locale: Locale;
  dark: boolean;
  items: readonly ViewItem[];
  page: number;
  focusIndex: number;
  pointLabel: (item: ViewItem) => { name: string; detail: string };
  onKeydown: (event: KeyboardEvent) => void;
  onActivate: (item: ViewItem) => void;
  onFocusItem: (index: number) => void;
  onPage: (page: number) => void;
}

export function listTemplate(options: ListOptions): TemplateResult {
  const { locale, items } = options;
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  const page = Math.min(options.page, pages - 1);
  const pageItems = items.slice(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE);
  const format = (value: number) => formatNumber(locale, value);
  const option = (item: ViewItem, index: number) => {
    const cluster = item.kind === 'cluster';
    const { name, detail } = cluster
      ? { name: mapT(locale, 'map.clusterItem', { count: format(item.count) }), detail: mapT(locale, 'map.clusterDetail') }
      : options.pointLabel(item);
    return html`<li
      role="option"
      id=${`option-${item.key}`}
      data-key=${item.key}
      part="list-item"
      tabindex=${index === options.focusIndex ? '0' : '-1'}
      aria-selected=${index === options.focusIndex ? 'true' : 'false'}
      @click=${() => options.onActivate(item)}
      @focus=${() => options.onFocusItem(index)}
    >
      ${cluster
        ? clusterGlyph
        : swatch(item.type!, options.dark)}
      <span class="text"><span class="name">${name}</span><span class="detail">${detail}</span></span>
    </li>`;
  };
  return html`<section class="list" part="list" aria-labelledby="list-heading">
    <h2 id="list-heading">${mapT(locale, 'map.listHeading')}</h2>
    <p class="hint" id="list-hint">${mapT(locale, 'map.listHint')}</p>
    ${items.length === 0
      ? html`<p class="empty">${mapT(locale, 'map.emptyView')}</p>`
      : html`<ul role="listbox" aria-labelledby="list-heading" aria-describedby="list-hint" @keydown=${options.onKeydown}>
          ${repeat(pageItems, (item) => item.key, option)}
        </ul>`}
    <nav class="pager" aria-label=${mapT(locale, 'map.pagerLabel')}>
      <button type="button" class="button" ?disabled=${page === 0} @click=${() => options.onPage(page - 1)}>
        ${mapT(locale, 'map.previousPage')}
      </button>
      <span>${mapT(locale, 'map.pager', { page: page + 1, pages, total: format(items.length) })}</span>
      <button type="button" class="button" ?disabled=${page >= pages - 1} @click=${() => options.onPage(page + 1)}>
        ${mapT(locale, 'map.nextPage')}
      </button>
    </nav>
  </section>`;
}

export function popupTemplate(options: {
  locale: Locale;
  details: PointDetails;
  loading: boolean;
  onClose: () => void;
  onKeydown: (event: KeyboardEvent) => void;
}): TemplateResult {
  const { locale, details } = options;
  const name = details.name ?? mapT(locale, 'map.popupFallbackName', { id: details.id });
  return html`<div class="popup" part="popup" role="dialog" aria-labelledby="popup-title" @keydown=${options.onKeydown}>
    <header>
      <h3 id="popup-title">${name}</h3>
      <button type="button" class="button close" part="popup-close" aria-label=${mapT(locale, 'map.close')} @click=${options.onClose}>
        <span aria-hidden="true">×</span>
      </button>
    </header>
    <dl>
      <dt>${mapT(locale, 'map.popupType')}</dt>
      <dd>${typeLabel(details.type, locale)}</dd>
      <dt>${mapT(locale, 'map.popupOrg')}</dt>
      <dd>${details.orgName ?? mapT(locale, 'map.unknownOrg')}</dd>
      ${details.address ? html`<dt>${mapT(locale, 'map.popupAddress')}</dt><dd>${details.address}</dd>` : nothing}
      ${details.records === null
        ? nothing
        : html`<dt>${mapT(locale, 'map.popupRecords')}</dt><dd>${mapT(locale, 'map.popupRecordsValue', { count: formatNumber(locale, details.records) })}</dd>`}
      ${details.members.length > 0
        ? html`<dt>${mapT(locale, 'map.popupMembers')}</dt>
            <dd>${details.members.join('、')}${details.membersMasked ? html` <span class="count">${mapT(locale, 'map.popupMembersMasked')}</span>` : nothing}</dd>`
        : nothing}
    </dl>
    ${options.loading ? html`<p class="hint" role="status">${mapT(locale, 'map.popupLoading')}</p>` : nothing}
  </div>`;
}

/** The overlays for a load that failed, has no source, or is not the viewer's to see. */
export function stateTemplate(locale: Locale, phase: string, onRetry: () => void): TemplateResult | typeof nothing {
  switch (phase) {
    case 'error':
      return html`<div class="state" role="alert">
        <p>${mapT(locale, 'map.loadFailed')}</p>
        <p><button type="button" class="button" @click=${onRetry}>${mapT(locale, 'map.retry')}</button></p>
      </div>`;
    case 'no-source':
      return html`<div class="state" role="status"><p>${mapT(locale, 'map.noSource')}</p></div>`;
    case 'forbidden':
      return html`<div class="state" role="status">
        <p><strong>${t(locale, 'state.forbidden')}</strong></p>
        <p>${t(locale, 'state.forbiddenHint')}</p>
      </div>`;
    default:
      return nothing;
  }
}

export function progressTemplate(locale: Locale, progress: { done: number; total: number } | null): TemplateResult {
  const text = progress ? mapT(locale, 'map.indexing', { done: progress.done, total: progress.total }) : mapT(locale, 'map.loadingPoints');
  const percent = progress ? Math.round((100 * progress.done) / Math.max(progress.total, 1)) : undefined;
  return html`<div
    class="progress"
    part="progress"
    role="progressbar"
    aria-label=${mapT(locale, 'map.progressLabel')}
    aria-valuemin="0"
    aria-valuemax="100"
    aria-valuenow=${percent ?? nothing}
    aria-valuetext=${text}
  >
    <span>${text}</span>
    <span class="track" aria-hidden="true"><span class="bar"></span></span>
  </div>`;
}
