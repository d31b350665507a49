import { expect } from '@open-wc/testing';

interface CspResult {
  violations: string[];
  control: string;
  workerClustering: boolean;
  tiles: number;
  canvas: boolean;
  adoptedSheets: number;
  summary: string;
}

describe('<qj-member-service-map> under a strict CSP', function () {
  this.timeout(30_000);

  it("renders, clusters in its worker and opens popups with default-src 'self'; img-src 'self' data: and no violation", async () => {
    const frame = document.createElement('iframe');
    frame.title = 'CSP fixture';
    frame.width = '1200';
    frame.height = '900';
    frame.src = new URL('./csp-fixture.html', import.meta.url).href;
    document.body.append(frame);
    try {
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      const view = frame.contentWindow as Window & { cspResult?: Promise<CspResult> };
      for (let waited = 0; !view.cspResult && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      const result = await view.cspResult!;
      expect(result.control, 'the policy is in force in the fixture page').to.match(/^style-src/);
      expect(result.violations).to.deep.equal([]);
      expect(result.workerClustering, 'the module worker is allowed by default-src self').to.equal(true);
      expect(result.canvas).to.equal(true);
      expect(result.tiles, 'data: tiles load').to.be.greaterThan(0);
      expect(result.adoptedSheets, 'styles are adopted sheets, not <style> or style attributes').to.be.greaterThan(0);
      expect(result.summary).to.match(/^本视图共 [\d,]+ 个服务点$/);
    } finally {
      frame.remove();
    }
  });
});
