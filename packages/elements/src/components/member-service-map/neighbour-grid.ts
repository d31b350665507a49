/**
 * Radius search over one clustering level without a KD-tree: the items are bucketed by a counting sort into a
 * uniform grid whose cells are at least the search radius wide, so a search visits at most 3 × 3 cells. Building it
 * is O(n) where a KD-tree's median splits are O(n log n), which is most of the cost of a first clustered view.
 *
 * It answers exactly what kdbush's `within` answers for the same level: coordinates are rounded to float32 as
 * supercluster's trees store them, and distances are compared in double precision, `dx² + dy² ≤ r²`. Only the
 * order of the ids differs (cell by cell).
 */
export class NeighbourGrid {
  /** The items' coordinates as the trees hold them (float32), in cell order like `order`: scanned in sequence. */
  private readonly x: Float32Array;
  private readonly y: Float32Array;
  private readonly minX: number;
  private readonly minY: number;
  private readonly cell: number;
  private readonly cols: number;
  private readonly rows: number;
  /** Item ids sorted by cell; `start[c]` … `start[c + 1]` are the ids of cell c. */
  private readonly order: Uint32Array;
  private readonly start: Uint32Array;

  /**
   * @param x, y - float32 coordinates of the items (index = item id)
   * @param radius - the largest radius that will be searched
   */
  constructor(x: Float32Array, y: Float32Array, radius: number) {
    const size = x.length;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < size; i++) {
      const px = x[i]!;
      const py = y[i]!;
      if (px - px !== 0 || py - py !== 0) continue; // not finite: placed in an edge cell, never within a radius
      if (px < minX) minX = px;
      if (px > maxX) maxX = px;
      if (py < minY) minY = py;
      if (py > maxY) maxY = py;
    }
    if (!(minX <= maxX && minY <= maxY)) minX = maxX = minY = maxY = 0;
    const width = maxX - minX;
    const height = maxY - minY;
    // As narrow as the radius, but never more than ~4 cells per item (plus a row and a column).
    const items = Math.max(size, 1);
    const cell = Math.max(radius, Math.sqrt((width * height) / (4 * items)), Math.max(width, height) / (4 * items), Number.MIN_VALUE);
    const cols = Math.floor(width / cell) + 1;
    const rows = Math.floor(height / cell) + 1;
    const cellOf = new Uint32Array(size);
    const start = new Uint32Array(cols * rows + 1);
    for (let i = 0; i < size; i++) {
      const col = Math.min(cols - 1, Math.floor((x[i]! - minX) / cell));
      const row = Math.min(rows - 1, Math.floor((y[i]! - minY) / cell));
      // NaN coordinates (never within any radius) go to cell 0.
      const c = col >= 0 && row >= 0 ? row * cols + col : 0;
      cellOf[i] = c;
      start[c + 1]!++;
    }
    for (let c = 1; c < start.length; c++) start[c]! += start[c - 1]!;
    const fill = start.slice(0, cols * rows);
    const order = new Uint32Array(size);
    const sortedX = new Float32Array(size);
    const sortedY = new Float32Array(size);
    for (let i = 0; i < size; i++) {
      const k = fill[cellOf[i]!]!++;
      order[k] = i;
      sortedX[k] = x[i]!;
      sortedY[k] = y[i]!;
    }
    this.x = sortedX;
    this.y = sortedY;
    this.minX = minX;
    this.minY = minY;
    this.cell = cell;
    this.cols = cols;
    this.rows = rows;
    this.order = order;
    this.start = start;
  }

  /**
   * Writes the ids of the items within `r` of (qx, qy) into `out` and returns how many there are — possibly more
   * than `out` holds (then call again with a larger `out`), as kdbush's `withinInto` does.
   */
  withinInto(qx: number, qy: number, r: number, out: Uint32Array): number {
    const { x, y, order, start, cell, cols, minX, minY } = this;
    const r2 = r * r;
    const col0 = Math.max(0, Math.floor((qx - r - minX) / cell));
    const col1 = Math.min(cols - 1, Math.floor((qx + r - minX) / cell));
    const row0 = Math.max(0, Math.floor((qy - r - minY) / cell));
    const row1 = Math.min(this.rows - 1, Math.floor((qy + r - minY) / cell));
    let count = 0;
    for (let row = row0; row <= row1; row++) {
      const end = start[row * cols + col1 + 1]!;
      for (let k = start[row * cols + col0]!; k < end; k++) {
        const dx = x[k]! - qx;
        const dy = y[k]! - qy;
        if (dx * dx + dy * dy <= r2) {
          if (count < out.length) out[count] = order[k]!;
          count++;
        }
      }
    }
    return count;
  }
}
