import Taro from '@tarojs/taro';

/** A list as laid out: its top and its drawn rows' tops and heights (relative to the viewport), and the viewport's height. */
export interface RowLayout {
  listTop: number;
  rows: { top: number; height: number }[];
  viewportHeight: number;
}

type Rect = { top: number; height: number } | null;

/**
 * Measures `listSelector` and its descendants matching `rowSelector`; calls back with nothing when
 * the list or its rows are not laid out. On H5 it reads the DOM directly: Taro's selector query and
 * system info would bring a user-agent parser and canvas code (~10 KB gzip) into the search page's
 * first download for these few numbers.
 */
export function measureRows(listSelector: string, rowSelector: string, done: (layout?: RowLayout) => void): void {
  if (process.env.TARO_ENV === 'h5') {
    const list = document.querySelector(listSelector);
    const rows = list ? Array.from(list.querySelectorAll(rowSelector)) : [];
    if (!list || rows.length === 0) return done();
    done({
      listTop: list.getBoundingClientRect().top,
      rows: rows.map((row) => {
        const { top, height } = row.getBoundingClientRect();
        return { top, height };
      }),
      viewportHeight: window.innerHeight,
    });
  } else {
    // An else, not code after a return: webpack drops a dead branch's imports, not dead code after it.
    Taro.createSelectorQuery()
      .select(listSelector)
      .boundingClientRect()
      .selectAll(`${listSelector} ${rowSelector}`)
      .boundingClientRect()
      .exec((res: [Rect, Rect[] | null]) => {
        const [list, rows] = res;
        if (!list || !rows?.length || rows.some((row) => !row)) return done();
        done({
          listTop: list.top,
          rows: (rows as NonNullable<Rect>[]).map(({ top, height }) => ({ top, height })),
          viewportHeight: Taro.getSystemInfoSync().windowHeight,
        });
      });
  }
}
