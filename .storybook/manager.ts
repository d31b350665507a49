/** The Storybook shell: QiangJi's name in the sidebar, the sidebar's groups in the order designers look for them. */
import { addons } from 'storybook/manager-api';
import { create } from 'storybook/theming';

addons.setConfig({
  theme: create({ base: 'light', brandTitle: '强基 QiangJi · 组件库 Components', brandTarget: '_self' }),
  sidebar: { showRoots: true },
});
