/**
 * How each service point type looks: a shape AND a colour, so the legend and the map never rely on colour alone
 * (WCAG 1.4.1). The same path data draws the legend (SVG) and the canvas markers.
 */
import { servicePointTypeIds, type ServicePointType } from '@qiangji/contract';

export type MarkerShape = 'star' | 'square' | 'triangle' | 'diamond' | 'hexagon' | 'triangle-down' | 'circle';

export interface TypeStyle {
  shape: MarkerShape;
  /** Fill on light base maps, and on dark ones. Both ≥ 3:1 against white (light) / the dark surface (dark). */
  light: string;
  dark: string;
}

export const typeStyles: Record<ServicePointType, TypeStyle> = {
  party_service_center: { shape: 'star', light: '#c8102e', dark: '#ff8f9b' },
  elder_canteen: { shape: 'square', light: '#a64b00', dark: '#ffb870' },
  civilization_station: { shape: 'triangle', light: '#6d28d9', dark: '#c4a5ff' },
  tea_mediation_room: { shape: 'diamond', light: '#15702f', dark: '#7ee39b' },
  model_post: { shape: 'hexagon', light: '#1d4ed8', dark: '#9bbcff' },
  responsibility_zone: { shape: 'triangle-down', light: '#0e6577', dark: '#7fd8e8' },
  other: { shape: 'circle', light: '#555555', dark: '#d0d0d0' },
};

/** Type by its index in `servicePointTypeIds` (the order used by every column in this component). */
export const typeAt = (index: number): ServicePointType => servicePointTypeIds[index] ?? 'other';

/**
 * Vertices of a shape of radius r around (0, 0), y down; null for a circle.
 * Polygons are scaled so their visual weight roughly matches a circle of radius r.
 */
export function shapeVertices(shape: MarkerShape, r: number): Array<[number, number]> | null {
  const regular = (sides: number, rotation: number, radius: number) =>
    Array.from({ length: sides }, (_, i): [number, number] => {
      const angle = rotation + (i * 2 * Math.PI) / sides;
      return [radius * Math.cos(angle), radius * Math.sin(angle)];
    });
  switch (shape) {
    case 'circle':
      return null;
    case 'square':
      return regular(4, Math.PI / 4, r * 1.25);
    case 'diamond':
      return regular(4, 0, r * 1.3);
    case 'triangle':
      return regular(3, -Math.PI / 2, r * 1.45);
    case 'triangle-down':
      return regular(3, Math.PI / 2, r * 1.45);
    case 'hexagon':
      return regular(6, 0, r * 1.12);
    case 'star':
      return Array.from({ length: 10 }, (_, i): [number, number] => {
        const radius = i % 2 === 0 ? r * 1.5 : r * 0.65;
        const angle = -Math.PI / 2 + (i * Math.PI) / 5;
        return [radius * Math.cos(angle), radius * Math.sin(angle)];
      });
  }
}

/** SVG path data of a shape centred in a box of `size` (for the legend). */
export function shapePath(shape: MarkerShape, size: number): string {
  const c = size / 2;
  const r = size * 0.3;
  const vertices = shapeVertices(shape, r);
  if (!vertices) return `M ${c - r} ${c} a ${r} ${r} 0 1 0 ${2 * r} 0 a ${r} ${r} 0 1 0 ${-2 * r} 0 Z`;
  return `M ${vertices.map(([x, y]) => `${(c + x).toFixed(2)} ${(c + y).toFixed(2)}`).join(' L ')} Z`;
}
