// Each mini-program test boots a built app against a real gateway and walks a journey by taps.
jest.setTimeout(120_000);
