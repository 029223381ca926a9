import { openDatabase } from '../../gateway/src/db/open-database';
import { SearchService } from '../../gateway/src/search/search-service';
import { CatalogueStore } from '../../gateway/src/store/catalogue-store';
import { startGateway, type TestGateway } from './support/harness';

describe('search answers kept for repeated queries', () => {
  let gw: TestGateway;
  let db: ReturnType<typeof openDatabase>;

  beforeAll(async () => {
    gw = await startGateway();
    db = openDatabase(gw.dataDir);
  });

  afterAll(async () => {
    db.close();
    await gw.close();
  });

  const query = (q: string) => ({ q, page: 1, pageSize: 20 });

  it('answers a repeat with the same answer, and a different query or page with its own', () => {
    const service = new SearchService(new CatalogueStore(db), 4);
    const first = service.search(query('户口'));
    expect(first.total).toBeGreaterThan(0);
    expect(service.search(query('户口'))).toBe(first);
    expect(service.search({ ...query('户口'), page: 2 })).not.toBe(first);
    expect(service.search(query('身份证'))).not.toBe(first);
  });

  it('keeps only the most recently used answers', () => {
    const service = new SearchService(new CatalogueStore(db), 2);
    const a = service.search(query('户口'));
    const id = service.search(query('身份证'));
    expect(service.search(query('户口'))).toBe(a); // 户口 is now the most recent
    service.search(query('社保')); // evicts 身份证, the least recent
    expect(service.search(query('户口'))).toBe(a);
    const recomputed = service.search(query('身份证'));
    expect(recomputed).not.toBe(id);
    expect(recomputed).toEqual(id);
  });

  it('keeps nothing when told so: every query goes to the engine', () => {
    const service = new SearchService(new CatalogueStore(db), 0);
    const first = service.search(query('户口'));
    const second = service.search(query('户口'));
    expect(second).not.toBe(first);
    expect(second).toEqual(first);
  });
});
