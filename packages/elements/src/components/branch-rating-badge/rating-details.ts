/**
 * The badge's details: the button and the panel it toggles (score breakdown, assessment stage, year-by-year history),
 * and their styles. Only badges with `details` use them, so this is a separate chunk that `QjBranchRatingBadge`
 * imports before it first renders a rating with details (its `updateComplete` waits for it). Opening, closing,
 * Escape and outside clicks stay with the badge (`show()`, `hide()`, `open`).
 */
import {
  assessmentStageLabels,
  assessmentStages,
  defaultRatingScheme,
  type BranchRating,
  type Locale,
  type PartyOrganizationType,
  type RatingScheme,
} from '@qiangji/contract';
import { css, html, nothing, svg, type TemplateResult } from 'lit';
import { icon } from '../../base/icons.js';
import { formatNumber, label, t } from '../../i18n/index.js';
import { detailsText, type DetailsText } from './rating-details.i18n.js';
import { isOrgType, levelName, orgTypeFromName } from './rating-view.js';

const text = (locale: Locale): DetailsText => detailsText[locale];
const chevron = icon(svg`<path d="m3.5 5.8 1.1-1.1L8 8.1l3.4-3.4 1.1 1.1L8 10.3z"/>`);

/** What the details show, and the badge's state they render. */
export interface RatingDetails {
  rating: BranchRating;
  /** The scheme in force; the contract's default when absent. */
  scheme: RatingScheme | undefined;
  history: BranchRating[] | undefined;
  /** The level name shown by the badge (「四星级党支部」), naming the panel. */
  name: string;
  locale: Locale;
  /** The badge's `org-type`. */
  orgType: PartyOrganizationType | undefined;
  open: boolean;
  /** Id of the panel, for the button's `aria-controls`. */
  panelId: string;
  /** Opens or closes the panel (the button's click). */
  toggle: () => void;
}

/** The button (`aria-expanded`, `aria-controls`) and the non-modal panel: breakdown, stage and history. */
export function renderRatingDetails(details: RatingDetails): TemplateResult {
  const { locale, open, panelId } = details;
  return html`
    <button part="trigger" class="button trigger" type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls=${panelId} @click=${details.toggle}>
      ${text(locale).details}${chevron}
    </button>
    <div
      part="popover"
      class="popover"
      id=${panelId}
      role="region"
      aria-label=${text(locale).detailsFor.replace('{name}', details.name)}
      tabindex="-1"
      ?hidden=${!open}
    >
      ${renderBreakdown(details)} ${renderStage(details)} ${renderHistory(details)}
    </div>
  `;
}

function renderBreakdown({ rating, scheme = defaultRatingScheme, locale }: RatingDetails): TemplateResult {
  const itemName = (id: string) => {
    const item = scheme.breakdownItems.find((candidate) => candidate.id === id);
    return item ? (locale === 'en' ? item.nameEn : item.name) : id;
  };
  return html`<table part="breakdown">
    <caption>
      ${text(locale).breakdown}
    </caption>
    <thead>
      <tr>
        <th scope="col">${text(locale).item}</th>
        <th scope="col" class="number">${text(locale).itemScore}</th>
        <th scope="col" class="number">${text(locale).itemMax}</th>
      </tr>
    </thead>
    <tbody>
      ${rating.breakdown.map(
        (row) =>
          html`<tr>
            <th scope="row">${itemName(row.id)}</th>
            <td class="number">${formatNumber(locale, row.score)}</td>
            <td class="number">${formatNumber(locale, row.max)}</td>
          </tr>`,
      )}
    </tbody>
    <tfoot>
      <tr>
        <th scope="row">${text(locale).total}</th>
        <td class="number">${formatNumber(locale, rating.score)}</td>
        <td class="number">${formatNumber(locale, scheme.maxScore)}</td>
      </tr>
    </tfoot>
  </table>`;
}

function renderStage({ rating, locale }: RatingDetails): TemplateResult {
  const current = assessmentStages.indexOf(rating.stage);
  return html`<div part="stage">
    <p class="section-title" id="stage-title">${text(locale).stage}</p>
    <ol class="stages" aria-labelledby="stage-title">
      ${assessmentStages.map(
        (stage, index) =>
          html`<li class=${index < current ? 'past' : ''} aria-current=${index === current ? 'step' : nothing}>
            ${label(assessmentStageLabels[stage], locale)}${index === current
              ? html`<span class="visually-hidden">（${text(locale).stageCurrent}）</span>`
              : nothing}
          </li>`,
      )}
    </ol>
  </div>`;
}

function renderHistory({ rating, scheme, history, locale, orgType }: RatingDetails): TemplateResult {
  const rows = [...(history ?? [rating])].sort((a, b) => b.year - a.year);
  const typeOf = (row: BranchRating) => (isOrgType(orgType) ? orgType : orgTypeFromName(row.partyOrganizationName));
  return html`<table part="history">
    <caption>
      ${text(locale).history}
    </caption>
    <thead>
      <tr>
        <th scope="col">${text(locale).historyYear}</th>
        <th scope="col">${text(locale).historyStars}</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (row) =>
          html`<tr>
            <th scope="row">${t(locale, 'rating.year', { year: row.year })}</th>
            <td>
              <span class="history-stars" aria-hidden="true">${'★'.repeat(row.stars)}${'☆'.repeat(5 - row.stars)}</span>
              ${levelName(row, scheme, locale, typeOf(row))}
            </td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** The button, the panel, its tables and stage list. */
export const ratingDetailsStyles = css`
  .trigger {
    padding: 0 var(--qj-sys-space-md);
    font-size: var(--qj-sys-font-size-sm);
  }
  .trigger .icon {
    width: 1em;
    height: 1em;
    fill: currentColor;
    transition: transform var(--qj-sys-motion-duration);
  }
  .trigger[aria-expanded='true'] .icon {
    transform: rotate(180deg);
  }
  .popover {
    position: absolute;
    z-index: var(--qj-badge-popover-z-index, 10);
    inset-block-start: calc(100% + var(--qj-sys-space-xs));
    inset-inline-start: 0;
    display: flex;
    flex-direction: column;
    gap: var(--qj-sys-space-md);
    width: max-content;
    max-width: min(var(--qj-badge-popover-width, 24rem), 90vw);
    padding: var(--qj-sys-space-lg);
    border: var(--qj-sys-border-width) solid var(--qj-sys-color-outline);
    border-radius: var(--qj-sys-radius-md);
    background: var(--qj-sys-color-surface-raised);
    color: var(--qj-sys-color-on-surface);
    box-shadow: var(--qj-sys-shadow-raised);
    font-size: var(--qj-sys-font-size-sm);
  }
  .popover p {
    margin: 0;
  }
  table {
    /* Pages in quirks mode (old CMS templates) reset font and colour on tables; keep ours. */
    font: inherit;
    color: inherit;
    line-height: inherit;
    white-space: inherit;
    text-align: start;
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  caption,
  .section-title {
    margin-bottom: var(--qj-sys-space-xs);
    font-weight: var(--qj-sys-font-weight-strong);
    text-align: start;
  }
  th,
  td {
    padding: var(--qj-sys-space-xs) var(--qj-sys-space-sm);
    border-bottom: var(--qj-sys-border-width) solid var(--qj-sys-color-outline-subtle);
    text-align: start;
  }
  td.number,
  th.number {
    text-align: end;
  }
  tfoot th,
  tfoot td {
    font-weight: var(--qj-sys-font-weight-strong);
    border-bottom: 0;
  }
  .stages {
    display: flex;
    flex-wrap: wrap;
    gap: var(--qj-sys-space-xs);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .stages li {
    padding: 0 var(--qj-sys-space-sm);
    border: var(--qj-sys-border-width) solid var(--qj-sys-color-outline-subtle);
    border-radius: var(--qj-sys-radius-full);
    color: var(--qj-sys-color-on-surface-muted);
  }
  .stages li.past {
    color: var(--qj-sys-color-on-surface);
  }
  .stages li[aria-current] {
    border-color: var(--qj-sys-color-primary);
    background: var(--qj-sys-color-primary-container);
    color: var(--qj-sys-color-on-primary-container);
    font-weight: var(--qj-sys-font-weight-strong);
  }
  .history-stars {
    color: var(--qj-sys-color-star);
    letter-spacing: 0.05em;
  }
`;
