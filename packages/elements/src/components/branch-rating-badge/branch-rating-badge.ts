import {
  type BranchRating,
  type QjEvent,
  type PartyOrganizationType,
  type RatingScheme,
} from '@qiangji/contract';
import { adoptStyles, html, nothing, supportsAdoptingStyleSheets, svg, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { icons, starPath } from '../../base/icons.js';
import { QjWidget } from '../../base/qj-widget.js';
import { oncePerClient, type QjClient } from '../../context/client.js';
import { EventsController } from '../../controllers/events-controller.js';
import { ResourceController, type ResourceState } from '../../controllers/resource-controller.js';
import { badgeStyles } from './branch-rating-badge.styles.js';
import { isOrgType, levelName, orgTypeFromName, pickRating } from './rating-view.js';

interface BadgeData {
  rating: BranchRating | undefined;
  /** Absent: the contract's default (its levels here, the rest in the details chunk). */
  scheme: RatingScheme | undefined;
  history: BranchRating[] | undefined;
}

/** The rating scheme in force, fetched once per client; undefined (the contract's default) when the API has none. */
const schemes = new WeakMap<QjClient, Promise<RatingScheme | undefined>>();
const schemeOf = (client: QjClient): Promise<RatingScheme | undefined> => oncePerClient(schemes, client, () => client.ratings.scheme(), undefined);

let nextPanelId = 0;

/** The details button, panel and their styles (rating-details.ts): loaded by the first badge that shows details. */
let detailsModule: typeof import('./rating-details.js') | undefined;
let detailsLoading: Promise<void> | undefined;
function loadDetailsModule(): Promise<void> {
  return (detailsLoading ??= import('./rating-details.js').then(
    (module) => {
      detailsModule = module;
    },
    () => {
      // Offline or a missing chunk: no details this time; the next render tries again.
      detailsLoading = undefined;
    },
  ));
}

/**
 * The star rating (星级评定) of a Party organisation for a year: 0–5 stars named like 「四星级党支部 · 2025年度」, the
 * level name from the rating scheme, flags (软弱涣散, 整顿中) and field brands (四好医院 …), with an optional details
 * popover (score breakdown, assessment stage, year-by-year history). Connected (`org-id`, `year`) or presentational
 * (`.rating`, `.history`, `.scheme`).
 *
 * @summary Star rating badge of a Party organisation.
 * @status stable
 * @since 0.1.0
 *
 * @event qj-popover-toggle - The details popover opened or closed. `detail: { open }`.
 * @event qj-load - Loading settled. `detail: { state, status?, code? }`.
 * @event qj-live-update - A `rating.updated` event for this unit (and year) arrived; the badge reloads. `detail: { type, id }`.
 *
 * @csspart base - The badge.
 * @csspart summary - Stars, level name and year.
 * @csspart stars - The SVG stars (`role=img`, named 「四星级党支部 · 2025年度」).
 * @csspart star - One star.
 * @csspart star-on - A filled star (also carries `star`).
 * @csspart star-off - An empty star (also carries `star`).
 * @csspart level - The level name.
 * @csspart year - The year.
 * @csspart flags - The list of flags.
 * @csspart flag - One flag chip (软弱涣散, 整顿中).
 * @csspart brands - The list of field brands.
 * @csspart brand - One field brand chip (四好医院 …).
 * @csspart trigger - The button that opens the details (with `details`).
 * @csspart popover - The details panel.
 * @csspart breakdown - The score breakdown table.
 * @csspart stage - The assessment stage section.
 * @csspart history - The year-by-year table.
 * @csspart skeleton - The loading placeholder.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry-button - The error state's Retry button.
 * @csspart forbidden - The forbidden state.
 *
 * @cssprop [--qj-badge-star-size=1.25rem] - Star size (sm 0.875rem, lg and elder 1.75rem).
 * @cssprop [--qj-badge-star-color=var(--qj-sys-color-star)] - Filled star colour.
 * @cssprop [--qj-badge-gap=var(--qj-sys-space-sm)] - Space between the parts.
 * @cssprop [--qj-badge-padding] - Inner padding.
 * @cssprop [--qj-badge-radius=var(--qj-sys-radius-md)] - Corner radius.
 * @cssprop [--qj-badge-background=var(--qj-sys-color-surface)] - Background.
 * @cssprop [--qj-badge-border-color=var(--qj-sys-color-outline-subtle)] - Border colour.
 * @cssprop [--qj-badge-popover-width=24rem] - Maximum width of the details panel.
 * @cssprop [--qj-badge-popover-z-index=10] - Stacking of the details panel.
 */
export class QjBranchRatingBadge extends QjWidget {
  static override styles = [...QjWidget.styles, badgeStyles];

  /** Org unit whose rating to load (connected mode). */
  @property({ attribute: 'org-id', reflect: true }) orgId?: string;
  /** Party organisation to show when the org unit has several (its committee and branches); the first otherwise. */
  @property({ attribute: 'party-organization-id' }) partyOrganizationId?: string;
  /** Year of the rating; the latest when absent. */
  @property({ type: Number, reflect: true }) year?: number;
  /** The rating to show (presentational mode; no loading). */
  @property({ attribute: false }) rating?: BranchRating;
  /** Earlier ratings of the same organisation, for the details (presentational mode). */
  @property({ attribute: false }) history?: BranchRating[];
  /** Rating scheme for level names and breakdown items (presentational mode); the contract's default otherwise. */
  @property({ attribute: false }) scheme?: RatingScheme;
  /** `sm`, `md` (default) or `lg`. */
  @property({ reflect: true }) size: 'sm' | 'md' | 'lg' = 'md';
  /** Adds a button that shows the score breakdown, assessment stage and history. */
  @property({ type: Boolean, reflect: true }) details = false;
  /** Organisation type word in the name: `branch` 党支部, `general_branch` 党总支, `committee` 党委. Default: from the name. */
  @property({ attribute: 'org-type' }) orgType?: PartyOrganizationType;
  /** Whether the details panel is open. */
  @property({ type: Boolean, reflect: true }) open = false;

  private focusTriggerOnClose = false;
  private detailsStylesAdopted = false;

  private readonly panelId = `qj-rating-details-${++nextPanelId}`;

  private readonly resource = new ResourceController<BadgeData, readonly [QjClient, string, number | undefined, string | undefined, boolean]>(this, {
    args: () => {
      const client = this.effectiveClient;
      return !this.rating && client && this.orgId ? [client, this.orgId, this.year, this.partyOrganizationId, this.details] : undefined;
    },
    load: async ([client, orgUnitId, year, partyOrganizationId, withHistory], signal) => {
      const [page, scheme, history] = await Promise.all([
        client.ratings.list({ orgUnitId, ...(year !== undefined ? { year } : {}) }, { signal }),
        schemeOf(client),
        withHistory ? client.ratings.history(orgUnitId, { signal }).then((answer) => answer.items) : Promise.resolve(undefined),
      ]);
      const rating = pickRating(page.items, year, partyOrganizationId);
      // History covers the org unit; keep the rows of the organisation shown.
      const own = history?.filter((row) => !rating || row.partyOrganizationId === rating.partyOrganizationId);
      return { rating, scheme, history: own };
    },
    isEmpty: (data) => !data.rating,
    onSettled: (state, error) => this.emitLoad(state, error),
  });

  // A rating recorded for this unit (and year) reloads the badge quietly: the stars change without a skeleton.
  private readonly liveEvents = new EventsController(this, {
    client: () => (this.rating ? undefined : this.effectiveClient),
    types: () => (this.orgId ? ['rating.updated'] : undefined),
    onEvent: (event) => this.onLiveEvent(event),
  });

  private onLiveEvent(event: QjEvent): void {
    if (event.type !== 'rating.updated' || event.orgUnitId !== this.orgId || (this.year !== undefined && event.data.year !== this.year)) return;
    this.emit('qj-live-update', { type: event.type, id: event.id });
    void this.resource.reload();
  }

  /** Whether live updates are flowing: the badge's event stream is connected. */
  get live(): boolean {
    return this.liveEvents.connected;
  }

  /** What the badge shows: `loading`, `ready`, `empty`, `error`, `forbidden` or `idle`. */
  get loadState(): ResourceState {
    return this.rating ? 'ready' : this.resource.state;
  }

  /** Loads again (what the Retry button does). */
  retry(): void {
    this.resource.retry();
  }

  /** Opens the details panel. */
  show(): void {
    this.setOpen(true);
  }

  /** Closes the details panel (focus returns to its button when it was inside the panel). */
  hide(): void {
    this.setOpen(false);
  }

  /** The details panel's module loads before the first render that shows it, so `updateComplete` covers it. */
  protected override async scheduleUpdate(): Promise<void> {
    if (this.details && this.shown?.rating) {
      if (!detailsModule) await loadDetailsModule();
      if (detailsModule && !this.detailsStylesAdopted) {
        this.detailsStylesAdopted = true;
        // Adopted style sheets are set as a list; the <style> fallback (no constructable style sheets) appends.
        const styles = detailsModule.ratingDetailsStyles;
        const own = (this.constructor as typeof QjBranchRatingBadge).elementStyles;
        adoptStyles(this.renderRoot as ShadowRoot, supportsAdoptingStyleSheets ? [...own, styles] : [styles]);
      }
    }
    return super.scheduleUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    if (changed.has('open')) {
      if (this.open) document.addEventListener('pointerdown', this.onDocumentPointerDown, true);
      else document.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
      if (!this.open && this.focusTriggerOnClose) {
        this.focusTriggerOnClose = false;
        this.renderRoot.querySelector<HTMLButtonElement>('.trigger')?.focus();
      }
    }
  }

  private setOpen(open: boolean, returnFocus = false): void {
    if (this.open === open) return;
    this.open = open;
    this.focusTriggerOnClose = !open && returnFocus;
    this.emit('qj-popover-toggle', { open });
  }

  private readonly onDocumentPointerDown = (event: PointerEvent): void => {
    if (!event.composedPath().includes(this)) this.setOpen(false);
  };

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.open) {
      event.stopPropagation();
      this.setOpen(false, true);
    }
  }

  private get shown(): BadgeData | undefined {
    if (this.rating) return { rating: this.rating, scheme: this.scheme, history: this.history };
    const value = this.resource.state === 'ready' ? this.resource.value : undefined;
    return value && { ...value, scheme: this.scheme ?? value.scheme, history: this.history ?? value.history };
  }

  private orgTypeOf(rating: BranchRating): PartyOrganizationType | undefined {
    return isOrgType(this.orgType) ? this.orgType : orgTypeFromName(rating.partyOrganizationName);
  }

  protected override render() {
    const shown = this.shown;
    return html`<div
      part="base"
      class="badge"
      lang=${this.effectiveLocale}
      dir=${this.effectiveDir}
      aria-busy=${this.loadState === 'loading' ? 'true' : 'false'}
      @keydown=${this.onKeydown}
    >
      ${shown?.rating
        ? this.renderRating(shown.rating, shown.scheme, shown.history)
        : this.renderResourceState(this.resource, { empty: 'rating.empty', idle: this.orgId ? 'state.noSource' : 'rating.empty', skeletonLines: 2 })}
    </div>`;
  }

  private renderStars(stars: number, name: string): TemplateResult {
    return html`<svg part="stars" class="stars" role="img" aria-label=${name} viewBox="0 0 124 24" focusable="false">
      ${[0, 1, 2, 3, 4].map(
        (index) =>
          svg`<path part="star ${index < stars ? 'star-on' : 'star-off'}" class=${index < stars ? 'on' : 'off'} d=${starPath} transform="translate(${index * 25} 0)"></path>`,
      )}
    </svg>`;
  }

  private renderRating(rating: BranchRating, scheme: RatingScheme | undefined, history: BranchRating[] | undefined): TemplateResult {
    const locale = this.effectiveLocale;
    const name = levelName(rating, scheme, locale, this.orgTypeOf(rating));
    const year = this.t('rating.year', { year: rating.year });
    return html`
      <span part="summary" class="summary">
        ${this.renderStars(rating.stars, this.t('rating.starsName', { level: name, year }))}
        <span part="level" class="level" aria-hidden="true">${name}</span>
        <span part="year" class="year" aria-hidden="true">${year}</span>
      </span>
      ${rating.flags.length
        ? html`<ul part="flags" class="chips" aria-label=${this.t('rating.flags')}>
            ${rating.flags.map((flag) => html`<li part="flag" class="chip flag ${flag}">${icons.flag}${this.t(`rating.flag.${flag}`)}</li>`)}
          </ul>`
        : nothing}
      ${rating.brands.length
        ? html`<ul part="brands" class="chips" aria-label=${this.t('rating.brands')}>
            ${rating.brands.map((brand) => html`<li part="brand" class="chip brand">${icons.award}${this.t(`rating.brand.${brand}`)}</li>`)}
          </ul>`
        : nothing}
      ${this.details ? this.renderDetails(rating, scheme, history, name) : nothing}
    `;
  }

  /** The details button and panel, once their module is loaded (without it, e.g. offline, the badge has none). */
  private renderDetails(rating: BranchRating, scheme: RatingScheme | undefined, history: BranchRating[] | undefined, name: string) {
    return detailsModule
      ? detailsModule.renderRatingDetails({
          rating,
          scheme,
          history,
          name,
          locale: this.effectiveLocale,
          orgType: this.orgType,
          open: this.open,
          panelId: this.panelId,
          toggle: () => this.setOpen(!this.open),
        })
      : nothing;
  }
}
