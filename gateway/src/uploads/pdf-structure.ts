import type { ByteSource } from './byte-source';

/** `startxref`, its offset and `%%EOF` are in the last 1 KiB of every intact PDF. */
export const PDF_TAIL_BYTES = 1024;
/** Enough of the file at `startxref` for the first xref line and entry, or an xref stream's dictionary. */
const XREF_WINDOW = 2048;

const STARTXREF = /startxref\s+(\d+)\s+%%EOF\s*$/;
const XREF_TABLE = /^\s*xref\s*\r?\n\s*\d+\s+(\d+)\s*\r?\n/;
const XREF_ENTRY = /^\d{10} \d{5} [nf]/;
const XREF_STREAM = /^\s*\d+\s+\d+\s+obj\b[\s\S]*?\/Type\s*\/XRef\b/;
const TRAILER = /trailer\s*<<[\s\S]*\/Root\s+\d+\s+\d+\s+R[\s\S]*>>\s*startxref\s+\d+\s+%%EOF\s*$/;
const XREF_STREAM_ROOT = /\/Root\s+\d+\s+\d+\s+R/;

/**
 * Whether a PDF can be opened the way a reader opens it: from the end, `startxref` gives the
 * offset of the last cross-reference section, which must be there, either a classic `xref` table
 * (whose trailer, just before `startxref`, names the document's /Root) or a PDF 1.5 xref stream
 * (whose dictionary does). A file cut short, or only ending in `%%EOF`, fails. Objects themselves are
 * not parsed: that is a reader's work, and a damaged object still shows the rest of the file.
 */
export function pdfStructureIntact(source: ByteSource): boolean {
  const tailStart = Math.max(0, source.size - PDF_TAIL_BYTES);
  // Trailing NULs and blanks after %%EOF are common (padded scans) and harmless.
  const tail = source.read(tailStart, PDF_TAIL_BYTES).toString('latin1').replace(/\0+$/, '');
  const last = tail.lastIndexOf('startxref');
  if (last < 0) return false;
  const match = STARTXREF.exec(tail.slice(last));
  if (!match) return false;
  const offset = Number(match[1]);
  if (!Number.isSafeInteger(offset) || offset < 8 || offset >= tailStart + last) return false;

  const at = source.read(offset, XREF_WINDOW).toString('latin1');
  const table = XREF_TABLE.exec(at);
  if (table) {
    const firstEntry = at.slice(table[0].length);
    if (Number(table[1]) > 0 && !XREF_ENTRY.test(firstEntry)) return false;
    return TRAILER.test(tail);
  }
  const stream = XREF_STREAM.exec(at);
  return stream !== null && XREF_STREAM_ROOT.test(at);
}
