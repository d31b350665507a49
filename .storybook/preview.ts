/**
 * Storybook preview: registers every QiangJi element, feeds custom-elements.json to controls and autodocs, adds the
 * locale / theme / elder-mode toolbar, wraps each story in a `<qj-provider>` backed by the SDK's fixtures transport,
 * and makes axe violations fail the story tests.
 */
import '@qiangji/elements/define/provider';
import '@qiangji/elements/define/task-progress-card';
import '@qiangji/elements/define/branch-rating-badge';
import '@qiangji/elements/define/member-service-map';
import '@qiangji/elements/define/mediation-case-form';
import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import type { ArgTypesEnhancer, InputType } from 'storybook/internal/types';
import { camelCase, elements, manifest } from '../stories/support/manifest.js';
import { withFixturesProvider } from '../stories/support/provider.js';
import './preview.css';

setCustomElementsManifest(manifest);

/** A control for a manifest type text: `string | undefined` → text, `'sm' | 'md' | 'lg'` → radio; others stay JSON. */
function controlFor(typeText: string | undefined): Pick<InputType, 'control' | 'options'> | undefined {
  const type = (typeText ?? '').replace(/\s*\|\s*(undefined|null)\b/g, '').trim();
  if (type === 'string') return { control: 'text' };
  if (type === 'number') return { control: 'number' };
  if (type === 'boolean') return { control: 'boolean' };
  const literals = type.split('|').map((part) => part.trim());
  if (literals.length < 2 || !literals.every((part) => /^'[^']*'$/.test(part))) return undefined;
  return { control: literals.length <= 4 ? 'inline-radio' : 'select', options: literals.map((part) => part.slice(1, -1)) };
}

/**
 * Controls drive properties: an attribute whose property has another name (`task-id` → `taskId`) stays in the docs
 * table without a second, dead control; read-only getters (`loadState`, `effectiveLocale` …), parts, CSS properties
 * and slots get none; the rest get a control from their type (the manifest's types are TypeScript text).
 */
const propertyControls: ArgTypesEnhancer = (context) => {
  const argTypes = { ...context.argTypes };
  const doc = typeof context.component === 'string' ? elements.get(context.component) : undefined;
  if (!doc) return argTypes;
  const readonly = new Set((doc.members ?? []).filter((member) => member.readonly).map((member) => member.name));
  for (const [name, argType] of Object.entries(argTypes)) {
    const category = argType.table?.category;
    const shadowedAttribute = category === 'attributes' && name.includes('-') && camelCase(name) in argTypes;
    if (shadowedAttribute || readonly.has(name) || category === 'css shadow parts' || category === 'css custom properties' || category === 'slots') {
      argTypes[name] = { ...argType, control: false };
      continue;
    }
    const control = controlFor(argType.table?.type?.summary);
    if (control) argTypes[name] = { ...argType, ...control };
  }
  return argTypes;
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withFixturesProvider],
  argTypesEnhancers: [propertyControls],
  globalTypes: {
    locale: {
      description: 'Locale · 语言',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'zh-CN', title: '简体中文 zh-CN' },
          { value: 'zh-HK', title: '繁體中文 zh-HK' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Theme · 主题',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light 浅色' },
          { value: 'dark', title: 'Dark 深色' },
        ],
        dynamicTitle: true,
      },
    },
    elder: {
      description: 'Elder mode · 长者模式（适老化）',
      toolbar: {
        title: 'Elder',
        icon: 'accessibility',
        items: [
          { value: 'off', title: 'Standard 标准' },
          { value: 'on', title: 'Elder mode 长者模式' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'zh-CN', theme: 'light', elder: 'off' },
  parameters: {
    layout: 'fullscreen',
    options: { storySort: { order: ['Widgets', ['Provider 提供者', '*'], 'Matrix'] } },
    controls: { expanded: true, sort: 'requiredFirst' },
    // The stage paints the theme's page colour; Storybook's own backgrounds would only fight it.
    backgrounds: { disable: true },
    a11y: {
      // Every story's axe run is part of its test: a violation fails `npm run test:stories`.
      test: 'error',
    },
    docs: { codePanel: true },
  },
};

export default preview;
