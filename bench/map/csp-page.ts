// Served with `Content-Security-Policy: default-src 'self'; img-src 'self' data: <tile hosts>` by run.mjs: the map
// must render, cluster in its worker and cause no violation.
import '../../packages/elements/src/components/member-service-map/define.js';
import type { QjMemberServiceMap } from '../../packages/elements/src/components/member-service-map/map.js';
import { objectsAroundChaozhou } from '../../packages/elements/src/components/member-service-map/test-points.js';

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));

const map = document.createElement('qj-member-service-map') as QjMemberServiceMap;
map.points = objectsAroundChaozhou(5_000);
document.querySelector('#stage')!.append(map);

(window as unknown as { cspResult: Promise<unknown> }).cspResult = (async () => {
  await map.ready;
  await new Promise((resolve) => setTimeout(resolve, 300));
  return {
    violations,
    workerClustering: map.workerClustering,
    summary: map.shadowRoot?.querySelector('.summary')?.textContent?.trim(),
    canvas: Boolean(map.shadowRoot?.querySelector('canvas')),
  };
})();
