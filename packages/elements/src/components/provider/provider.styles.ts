import { css } from 'lit';

/**
 * The provider only carries tokens: the page's own content inside it keeps the page's font and colours (a dark
 * theme on the provider must not turn the host's text light on its white background); the widgets paint themselves.
 */
export const providerStyles = css`
  :host {
    display: block;
    font: inherit;
    color: inherit;
    line-height: inherit;
  }
`;
