// Set before any app code loads: src/core branches on the platform.
process.env.TARO_ENV = 'h5';

// Build-time constants that Taro's webpack config defines; its H5 runtime reads them as globals.
Object.assign(globalThis, {
  ENABLE_INNER_HTML: true,
  ENABLE_ADJACENT_HTML: true,
  ENABLE_SIZE_APIS: false,
  ENABLE_TEMPLATE_CONTENT: true,
  ENABLE_CLONE_NODE: true,
  ENABLE_CONTAINS: true,
  ENABLE_MUTATION_OBSERVER: false,
  DEPRECATED_ADAPTER_COMPONENT: false,
});

// NutUI's bundle draws on a canvas on import; jsdom has none. Any property is settable, any method a no-op.
const canvasContextStub = new Proxy(
  {},
  { get: (target: Record<string, unknown>, key: string) => (key in target ? target[key] : () => ({ data: [] })) },
);
HTMLCanvasElement.prototype.getContext = (() => canvasContextStub) as unknown as HTMLCanvasElement['getContext'];
HTMLCanvasElement.prototype.toDataURL = () => 'data:image/png;base64,';
