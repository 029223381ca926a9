// A gateway suite starts a real gateway (migrations, seed, keys) in its hooks; with every jest
// project running at once on a 2-core CI machine that can take longer than jest's default 5 s.
// Nothing here times behaviour: timings belong to the bench.
jest.setTimeout(30_000);
