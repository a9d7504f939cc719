// Keyboard movement for the matrix grid (WAI-ARIA APG data grid): pure, so it is unit-tested.
// Positions: row -1 is the header row; col -2 the Client (row header) column, col -1 the pinned
// Global column, 0… the policy columns.

export interface GridPos {
  row: number;
  col: number;
}

export interface GridSize {
  rows: number;
  cols: number;
  /** rows per Page Up/Down */
  page: number;
}

export const FIRST_COL = -2;
export const HEADER_ROW = -1;

function clamp(n: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, n));
}

/** The new position for a navigation key, or undefined when the key is not a navigation key. */
export function moveFocus(pos: GridPos, key: string, ctrl: boolean, size: GridSize): GridPos | undefined {
  const lastRow = size.rows - 1;
  const lastCol = size.cols - 1;
  const at = (row: number, col: number) => ({
    row: clamp(row, HEADER_ROW, Math.max(lastRow, HEADER_ROW)),
    col: clamp(col, FIRST_COL, Math.max(lastCol, FIRST_COL)),
  });
  switch (key) {
    case 'ArrowUp':
      return at(pos.row - 1, pos.col);
    case 'ArrowDown':
      return at(pos.row + 1, pos.col);
    case 'ArrowLeft':
      return at(pos.row, pos.col - 1);
    case 'ArrowRight':
      return at(pos.row, pos.col + 1);
    case 'Home':
      return ctrl ? at(HEADER_ROW, FIRST_COL) : at(pos.row, FIRST_COL);
    case 'End':
      return ctrl ? at(lastRow, lastCol) : at(pos.row, lastCol);
    case 'PageUp':
      return at(pos.row <= 0 ? HEADER_ROW : Math.max(0, pos.row - size.page), pos.col);
    case 'PageDown':
      return at(Math.max(0, pos.row + size.page), pos.col);
    default:
      return undefined;
  }
}

/** Keeps a position inside the grid after filtering shrank it. */
export function clampPos(pos: GridPos, size: GridSize): GridPos {
  return {
    row: clamp(pos.row, HEADER_ROW, Math.max(size.rows - 1, HEADER_ROW)),
    col: clamp(pos.col, FIRST_COL, Math.max(size.cols - 1, FIRST_COL)),
  };
}
