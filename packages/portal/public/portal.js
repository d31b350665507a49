/**
 * The host portal's own behaviour (no QiangJi code here beyond attributes and the SDK for signing in):
 * the toolbar — 长者模式 (elder mode for the page and every widget), 无障碍 (high contrast, strong focus), 繁體 and
 * English — remembered across visits, and the mediator sign-in of the mediation section.
 * Loaded as an external module under the page's CSP; no inline handlers.
 */
import { pageText } from './portal-i18n.js';

const root = document.documentElement;
const storageKey = 'qj-portal-preferences';
const defaultLocale = 'zh-CN';

/** @type {{ locale: string, elder: boolean, a11y: boolean }} */
const preferences = { locale: defaultLocale, elder: false, a11y: false, ...readPreferences() };

function readPreferences() {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey) ?? '{}');
    return {
      ...(pageText[saved.locale] ? { locale: saved.locale } : {}),
      ...(typeof saved.elder === 'boolean' ? { elder: saved.elder } : {}),
      ...(typeof saved.a11y === 'boolean' ? { a11y: saved.a11y } : {}),
    };
  } catch {
    return {};
  }
}

function savePreferences() {
  try {
    localStorage.setItem(storageKey, JSON.stringify(preferences));
  } catch {
    // Private browsing: the choice lasts for this page only.
  }
}

/** Providers not nested in another one: nested providers inherit locale and elder mode from them. */
function topLevelProviders() {
  return [...document.querySelectorAll('qj-provider')].filter((provider) => !provider.parentElement?.closest('qj-provider'));
}

const text = (key) => pageText[preferences.locale]?.[key] ?? pageText[defaultLocale][key] ?? '';

function applyPreferences() {
  root.lang = preferences.locale;
  root.classList.toggle('elder-mode', preferences.elder);
  root.classList.toggle('a11y-mode', preferences.a11y);
  for (const provider of topLevelProviders()) {
    provider.setAttribute('locale', preferences.locale);
    provider.toggleAttribute('elder', preferences.elder);
  }
  document.querySelectorAll('[data-i18n]').forEach((element) => {
    element.textContent = text(element.dataset.i18n);
  });
  document.querySelectorAll('[data-i18n-label]').forEach((element) => {
    element.setAttribute('aria-label', text(element.dataset.i18nLabel));
  });
  const titleKey = document.body.dataset.titleKey;
  if (titleKey) document.title = text(titleKey);
  pressed('toggle-elder', preferences.elder);
  pressed('toggle-a11y', preferences.a11y);
  pressed('toggle-traditional', preferences.locale === 'zh-HK');
  pressed('toggle-english', preferences.locale === 'en');
}

function pressed(id, on) {
  document.getElementById(id)?.setAttribute('aria-pressed', String(on));
}

function onClick(id, change) {
  document.getElementById(id)?.addEventListener('click', () => {
    change();
    savePreferences();
    applyPreferences();
  });
}

onClick('toggle-elder', () => (preferences.elder = !preferences.elder));
onClick('toggle-a11y', () => (preferences.a11y = !preferences.a11y));
onClick('toggle-traditional', () => (preferences.locale = preferences.locale === 'zh-HK' ? defaultLocale : 'zh-HK'));
onClick('toggle-english', () => (preferences.locale = preferences.locale === 'en' ? defaultLocale : 'en'));
applyPreferences();

// ---- mediator sign-in ------------------------------------------------------------------------------------------

/** The SDK bundled with the widgets, from the same pinned version as the loader. */
function importSdk() {
  const loader = document.querySelector('script[src*="/qiangji/"][src$="/loader.js"]');
  const base = window.QiangJi?.base ?? new URL('.', loader?.src ?? location.href).href;
  return import(new URL('sdk.js', base).href);
}

const loginForm = document.getElementById('mediator-login');
const mediationProvider = document.getElementById('mediation-provider');
if (loginForm && mediationProvider) setUpSignIn(loginForm, mediationProvider);

/**
 * Signing in hands the SDK client holding the mediator's session to the mediation section's provider (its `client`
 * property): the case form inside re-loads as that user, the client renews the access token by itself, and signing
 * out through it lets the form clear the user's drafts. The other widgets keep the read-only embed key.
 * @param {HTMLFormElement} form
 * @param {HTMLElement & { client?: unknown }} provider
 */
function setUpSignIn(form, provider) {
  const status = document.getElementById('login-status');
  const signedIn = document.getElementById('signed-in');
  const name = document.getElementById('signed-in-name');
  const logout = document.getElementById('logout');
  let client;

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    status.textContent = text('loggingIn');
    try {
      const { createClient } = await importSdk();
      client = createClient({ baseUrl: provider.getAttribute('api-base') ?? '/', locale: preferences.locale });
      const session = await client.auth.login({ username: String(data.get('username')), password: String(data.get('password')) });
      provider.client = client;
      form.reset();
      form.hidden = true;
      name.textContent = session.user.displayName;
      signedIn.hidden = false;
      status.textContent = '';
      logout.focus();
    } catch (error) {
      client = undefined;
      const message = preferences.locale === 'en' ? (error?.messageEn ?? error?.message) : error?.message;
      status.textContent = text('loginFailed') + (message ?? String(error));
    } finally {
      button.disabled = false;
    }
  });

  logout.addEventListener('click', async () => {
    try {
      await client?.auth.logout();
    } finally {
      client = undefined;
      provider.client = undefined;
      signedIn.hidden = true;
      form.hidden = false;
      form.querySelector('input[name="password"]')?.focus();
    }
  });
}
