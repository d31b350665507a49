/** Demo accounts and the demo embed key (documented in packages/server/README.md). */
import type { Role } from '@qiangji/contract';

export interface DemoAccount {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  orgUnitId: string;
}

/** Every role, bound to a real org unit. The member account is linked to a seeded member of its village. */
export const demoAccounts: ReadonlyArray<DemoAccount> = [
  { id: 'u-city-admin', username: 'city-admin', displayName: '市委组织部（演示）', role: 'city_admin', orgUnitId: '4451' },
  { id: 'u-xiangqiao-admin', username: 'xiangqiao-admin', displayName: '湘桥区委组织部（演示）', role: 'district_admin', orgUnitId: '445102' },
  { id: 'u-chaoan-admin', username: 'chaoan-admin', displayName: '潮安区委组织部（演示）', role: 'district_admin', orgUnitId: '445103' },
  { id: 'u-qiaodong-admin', username: 'qiaodong-admin', displayName: '桥东街道党工委（演示）', role: 'town_admin', orgUnitId: '445102007' },
  { id: 'u-xiajin-secretary', username: 'xiajin-secretary', displayName: '下津村党支部书记（演示）', role: 'branch_secretary', orgUnitId: '445102007200' },
  { id: 'u-qiaodong-mediator', username: 'qiaodong-mediator', displayName: '桥东街道人民调解员（演示）', role: 'mediator', orgUnitId: '445102007' },
  { id: 'u-xiajin-member', username: 'xiajin-member', displayName: '下津村党员（演示）', role: 'member', orgUnitId: '445102007200' },
  { id: 'u-raoping-viewer', username: 'raoping-viewer', displayName: '饶平县观察员（演示）', role: 'viewer', orgUnitId: '445122' },
];

export const DEMO_EMBED_KEY_ORIGINS = ['http://localhost:8080', 'http://127.0.0.1:8080'];
export const DEMO_EMBED_KEY_ID = 'ek-demo';

