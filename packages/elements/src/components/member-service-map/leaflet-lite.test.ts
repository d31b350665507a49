import { expect } from '@open-wc/testing';
import { Canvas, CircleMarker, installLeafletParts, Map as LeafletMap } from './leaflet-lite.js';

type RedrawInternals = { _redraw(): void; _ctx?: CanvasRenderingContext2D };

describe('leaflet-lite', () => {
  it('skips a canvas redraw that runs after its renderer left the map (a frame queued before the removal)', () => {
    installLeafletParts();
    const container = document.createElement('div');
    container.className = 'leaflet-test-map';
    document.body.append(container);
    container.getBoundingClientRect();
    const renderer = new Canvas();
    const map = new LeafletMap(container, { renderer, center: [23.66, 116.62], zoom: 10 });
    try {
      new CircleMarker([23.66, 116.62], { renderer, radius: 5 }).addTo(map);
      const internals = renderer as unknown as RedrawInternals;
      expect(internals._ctx, 'a canvas while on the map').to.exist;
      map.removeLayer(renderer);
      expect(internals._ctx, 'no canvas after the removal').to.equal(undefined);
      // What a frame requested just before the removal does when it fires: Leaflet's own redraw would throw here.
      expect(() => internals._redraw()).not.to.throw();
    } finally {
      map.remove();
      container.remove();
    }
  });
});
