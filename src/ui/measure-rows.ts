import Taro from '@tarojs/taro';

/** A list as laid out: its top and its first two rows' tops (relative to the viewport), and the viewport's height. */
export interface RowLayout {
  listTop: number;
  rowTops: [number, number];
  viewportHeight: number;
}

type Rect = { top: number } | null;

/**
 * Measures `listSelector` and the first two of its descendants matching `rowSelector`; calls back
 * with nothing when the list or two rows are not laid out. On H5 it reads the DOM directly:
 * Taro's selector query and system info would bring a user-agent parser and canvas code (~10 KB
 * gzip) into the search page's first download for these few numbers.
 */
export function measureRows(listSelector: string, rowSelector: string, done: (layout?: RowLayout) => void): void {
  if (process.env.TARO_ENV === 'h5') {
    const list = document.querySelector(listSelector);
    const rows = list?.querySelectorAll(rowSelector);
    if (!list || !rows || rows.length < 2) return done();
    const rowTops: [number, number] = [rows[0].getBoundingClientRect().top, rows[1].getBoundingClientRect().top];
    done({ listTop: list.getBoundingClientRect().top, rowTops, viewportHeight: window.innerHeight });
  } else {
    // An else, not code after a return: webpack drops a dead branch's imports, not dead code after it.
    Taro.createSelectorQuery()
      .select(listSelector)
      .boundingClientRect()
      .selectAll(`${listSelector} ${rowSelector}`)
      .boundingClientRect()
      .exec((res: [Rect, Rect[] | null]) => {
        const [list, rows] = res;
        if (!list || !rows?.[0] || !rows[1]) return done();
        done({
          listTop: list.top,
          rowTops: [rows[0].top, rows[1].top],
          viewportHeight: Taro.getSystemInfoSync().windowHeight,
        });
      });
  }
}
