import { startGateway, type RunningGateway } from '../e2e/support/running-gateway';
import type { MiniApp } from './runtime/mini-app';
import { PLATFORMS, bootApp, expectNothingBroke } from './support/journey';

/**
 * The runtime's selector queries, as the platforms answer them: a query belongs to the page it was
 * made on. Taro runs `exec` up to 100 ms later (after its next setData), and NutUI's Tabs measures
 * its bar with two such queries; a person who taps within that time has opened another page, and a
 * query answered from that page instead made the measurement half of one page and half of another.
 */

type Rect = { id: string; width: number; height: number; top: number } | null;

interface SelectorQuery {
  selectAll(selector: string): { boundingClientRect(): SelectorQuery };
  exec(callback: (results: Rect[][]) => void): void;
}

/** A query made now, on the page on top, as a component's `Taro.createSelectorQuery()` makes it. */
function queryOnCurrentPage(app: MiniApp, selector: string): SelectorQuery {
  const create = app.page.instance.createSelectorQuery as () => SelectorQuery;
  return create().selectAll(selector).boundingClientRect();
}

function answer(query: SelectorQuery): Promise<Rect[]> {
  return new Promise((resolve) => query.exec((results) => resolve(results[0])));
}

const GUIDE_ROWS = '.guide .kv';

let gateway: RunningGateway;

beforeAll(async () => {
  gateway = await startGateway({ h5: false });
});

afterAll(async () => {
  await gateway?.close();
});

describe.each(PLATFORMS)('selector queries on %s', (platform) => {
  test('a query answers from the page it was made on, also once another page is opened over it, and nothing once it is closed', async () => {
    const app = await bootApp(platform, gateway, { loginCode: `selector-query-${platform}` });
    try {
      await app.open('/search/guide/index?code=HS-GA-0027');
      await app.waitForText('承诺时限');
      const rows = app.nodes().filter((node) =>
        String(node.data.cl ?? '')
          .split(/\s+/)
          .includes('kv'),
      );
      expect(rows.length).toBeGreaterThan(0);

      const madeOnGuide = queryOnCurrentPage(app, GUIDE_ROWS);
      const stillOnGuide = queryOnCurrentPage(app, GUIDE_ROWS);
      await app.tap('在线申报（网上预审）');
      expect(app.page.route).toBe('prereview/apply/index');

      // The guide is under the form now, and the query made there still sees it.
      const onGuide = await answer(madeOnGuide);
      expect(onGuide.map((rect) => rect?.id)).toEqual(rows.map((row) => row.id));
      // A query made on the form does not see the guide's rows.
      expect(await answer(queryOnCurrentPage(app, GUIDE_ROWS))).toEqual([]);

      // Closing every page closes the guide: its query answers nothing.
      await app.open('/me/index/index');
      expect(await answer(stillOnGuide)).toEqual([]);

      expectNothingBroke(app);
    } finally {
      app.close();
    }
  }, 60000);
});
