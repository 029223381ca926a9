/** `npm run screens -- [--widths 320,375,414] [--audit]`. */
export interface GalleryOptions {
  widths: number[];
  audit: boolean;
}

export const USAGE = 'usage: npm run screens -- [--widths 320,375,414] [--audit]';

export function parseOptions(argv: readonly string[]): GalleryOptions {
  const options: GalleryOptions = { widths: [375], audit: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--audit') options.audit = true;
    else if (arg === '--widths' || arg.startsWith('--widths=')) {
      const value = arg === '--widths' ? argv[(i += 1)] : arg.slice('--widths='.length);
      const widths = (value ?? '').split(',').map((w) => Number(w.trim()));
      if (widths.length === 0 || widths.some((w) => !Number.isInteger(w) || w < 240 || w > 1280)) {
        throw new Error(
          `--widths takes CSS pixel widths between 240 and 1280, e.g. 320,375,414 (got "${value}")\n${USAGE}`,
        );
      }
      options.widths = [...new Set(widths)];
    } else throw new Error(`unknown option ${arg}\n${USAGE}`);
  }
  return options;
}
