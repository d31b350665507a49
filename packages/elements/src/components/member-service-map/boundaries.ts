/** The Chaozhou district boundaries (approximate drawing, see the contract's SOURCE.md), loaded as their own chunk. */
export { chaozhouBoundaries } from '@qiangji/contract';
