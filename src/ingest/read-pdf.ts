/**
 * Reads a PDF report from its text layer with pdfjs-dist (Mozilla's PDF.js, legacy build for Node): lines in
 * reading order, pages separated by a blank line. A PDF without a text layer (a scan) or with a page that is
 * only an image is refused with the file named, never read as an empty or partial report; so are encrypted
 * and damaged PDFs. pdfjs-dist is loaded only when a PDF is read. No message carries text from the PDF.
 */
import { readFileSync } from 'node:fs';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { InputError } from '../errors.js';
import { requireRegularFile, unreadableFile } from './regular-file.js';

type PdfJs = typeof PdfJsModule;
type TextItem = { str: string; hasEOL: boolean; transform: number[]; height: number };

let pdfjs: Promise<PdfJs> | undefined;
const loadPdfJs = (): Promise<PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

const ocrHint = 'Run OCR on it first (e.g. ocrmypdf), or export the report from the hospital system as text';

export async function readPdfText(file: string): Promise<string> {
  requireRegularFile(file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw unreadableFile(file, error);
  }
  if (!bytes.subarray(0, 1024).includes('%PDF-')) {
    throw new InputError({ file }, 'is not a PDF file', { code: 'input.not_pdf', hint: 'Give PDF reports the .pdf extension only when they are PDFs' });
  }
  const { getDocument, OPS } = await loadPdfJs();
  const task = getDocument({
    data: new Uint8Array(bytes),
    // Text only: no fonts are loaded into anything, nothing is evaluated, broken content is an error, not a gap.
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
    verbosity: 0,
  });
  try {
    const doc = await task.promise.catch((error: unknown) => {
      throw unreadable(file, error);
    });
    const pages: string[] = [];
    const scanned: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent().catch((error: unknown) => {
        throw unreadable(file, error);
      });
      const text = pageText(content.items as TextItem[]);
      if (!/\p{L}/u.test(text)) {
        // No letters: a blank page is fine, a page that paints an image is a scanned page.
        const ops = await page.getOperatorList();
        const images = new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat]);
        if (ops.fnArray.some((fn) => images.has(fn))) scanned.push(n);
      }
      pages.push(text);
      page.cleanup();
    }
    const all = pages.join('\n\n').replace(/\n{3,}/g, '\n\n').trim();
    if (!/\p{L}/u.test(all)) {
      throw new InputError({ file }, 'has no text layer (a scanned image?)', { code: 'input.pdf_no_text', hint: ocrHint });
    }
    if (scanned.length > 0) {
      throw new InputError({ file }, `page ${scanned.join(', ')} of ${doc.numPages} has no text layer (a scanned page?)`, {
        code: 'input.pdf_scanned_page',
        hint: ocrHint,
      });
    }
    return all;
  } finally {
    await task.destroy();
  }
}

/** The items of a page as lines: pdfjs marks line ends, and a jump in the baseline is a line end too. */
function pageText(items: TextItem[]): string {
  let out = '';
  let lastY: number | undefined;
  for (const item of items) {
    if (typeof item.str !== 'string') continue;
    const y = item.transform[5];
    if (lastY !== undefined && y !== undefined && !out.endsWith('\n') && Math.abs(y - lastY) > Math.max(1, item.height / 2)) out += '\n';
    out += item.str;
    if (item.hasEOL) out += '\n';
    lastY = y;
  }
  return out
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n');
}

/** pdfjs's own messages can quote bytes of the file, so only the kind of failure is reported. */
function unreadable(file: string, error: unknown): InputError {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'PasswordException') {
    return new InputError({ file }, 'is a password-protected PDF', {
      code: 'input.pdf_encrypted',
      hint: 'Save it again without a password, or export the report as text',
    });
  }
  return new InputError({ file }, `is not a readable PDF (${name === 'InvalidPDFException' ? 'damaged or truncated' : 'broken content'})`, {
    code: 'input.not_pdf',
    hint: 'Export the report from the hospital system again',
    cause: error,
  });
}
