import { describe, expect, it } from 'vitest';
import { clampPos, moveFocus } from './grid-keys.ts';

const size = { rows: 100, cols: 20, page: 10 };

describe('moveFocus', () => {
  it('moves by arrows and stops at the edges (header row and Client column included)', () => {
    expect(moveFocus({ row: 0, col: 0 }, 'ArrowUp', false, size)).toEqual({ row: -1, col: 0 });
    expect(moveFocus({ row: -1, col: 0 }, 'ArrowUp', false, size)).toEqual({ row: -1, col: 0 });
    expect(moveFocus({ row: 0, col: -2 }, 'ArrowLeft', false, size)).toEqual({ row: 0, col: -2 });
    expect(moveFocus({ row: 99, col: 19 }, 'ArrowDown', false, size)).toEqual({ row: 99, col: 19 });
    expect(moveFocus({ row: 99, col: 19 }, 'ArrowRight', false, size)).toEqual({ row: 99, col: 19 });
  });

  it('Home/End go along the row; with Ctrl to the grid corners', () => {
    expect(moveFocus({ row: 5, col: 7 }, 'Home', false, size)).toEqual({ row: 5, col: -2 });
    expect(moveFocus({ row: 5, col: 7 }, 'End', false, size)).toEqual({ row: 5, col: 19 });
    expect(moveFocus({ row: 5, col: 7 }, 'Home', true, size)).toEqual({ row: -1, col: -2 });
    expect(moveFocus({ row: 5, col: 7 }, 'End', true, size)).toEqual({ row: 99, col: 19 });
  });

  it('Page Up/Down move by a page and clamp', () => {
    expect(moveFocus({ row: 5, col: 1 }, 'PageDown', false, size)).toEqual({ row: 15, col: 1 });
    expect(moveFocus({ row: 95, col: 1 }, 'PageDown', false, size)).toEqual({ row: 99, col: 1 });
    expect(moveFocus({ row: 5, col: 1 }, 'PageUp', false, size)).toEqual({ row: 0, col: 1 });
    expect(moveFocus({ row: 0, col: 1 }, 'PageUp', false, size)).toEqual({ row: -1, col: 1 });
    expect(moveFocus({ row: -1, col: 1 }, 'PageDown', false, size)).toEqual({ row: 9, col: 1 });
  });

  it('ignores other keys and copes with an empty grid', () => {
    expect(moveFocus({ row: 0, col: 0 }, 'a', false, size)).toBeUndefined();
    expect(moveFocus({ row: -1, col: -2 }, 'ArrowDown', false, { rows: 0, cols: 0, page: 10 })).toEqual({
      row: -1,
      col: -2,
    });
  });

  it('clampPos pulls focus back inside a shrunk grid', () => {
    expect(clampPos({ row: 50, col: 10 }, { rows: 3, cols: 2, page: 10 })).toEqual({ row: 2, col: 1 });
  });
});
