// Set before any app code loads: src/core branches on the platform.
process.env.TARO_ENV = 'h5';
// NutUI's bundle touches a canvas on import; jsdom has none.
HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement['getContext'];
