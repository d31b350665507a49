// Loaded by csp-fixture.html (csp.test.ts frames it): records CSP violations, then renders a map with tiles, a
// popup and the worker, and publishes what happened as `window.cspResult`.
const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.effectiveDirective}: ${event.blockedURI}`));

const blankTile = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

(window as unknown as { cspResult: Promise<unknown> }).cspResult = (async () => {
  await import('./define.js');
  const { objectsAroundChaozhou } = await import('./test-points.js');
  const map = document.createElement('qj-member-service-map');
  map.setAttribute('base-layer', 'osm');
  map.setAttribute('tile-url', blankTile);
  map.points = objectsAroundChaozhou(2_000);
  document.body.append(map);
  await map.ready;
  const root = map.shadowRoot!;
  // Open a popup (CSSOM-positioned) and drill once (boundary polygons, bubbles).
  root.querySelector<HTMLElement>('.divisions button')!.click();
  await new Promise((resolve) => map.addEventListener('qj-view-change', resolve, { once: true }));
  const point = root.querySelector<HTMLElement>('[role="option"][data-key^="p"]') ?? root.querySelector<HTMLElement>('[role="option"]')!;
  point.click();
  await new Promise((resolve) => setTimeout(resolve, 500));
  const mapViolations = [...violations];
  // Control: a style attribute, which this policy blocks — proves the policy is live in this page.
  const control = new Promise<string>((resolve) =>
    document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), { once: true }),
  );
  const probe = document.createElement('p');
  probe.setAttribute('style', 'color: red');
  document.body.append(probe);
  return {
    violations: mapViolations,
    control: await control,
    workerClustering: map.workerClustering,
    tiles: root.querySelectorAll('img.leaflet-tile-loaded').length,
    canvas: Boolean(root.querySelector('canvas')),
    adoptedSheets: root.adoptedStyleSheets.length,
    summary: root.querySelector('.summary')?.textContent?.trim(),
  };
})();
