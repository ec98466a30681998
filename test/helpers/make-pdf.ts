/**
 * PDF fixtures made by the tests themselves: text PDFs and image-only ("scanned") pages with pdf-lib, and an
 * encrypted PDF written as minimal PDF syntax (pdf-lib cannot encrypt), so no binary fixture is checked in.
 */
import { deflateSync, crc32 } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A page is lines of text, or `'scan'`: a grey image with no text layer, as a scanner makes it. */
export type PageSpec = string[] | 'scan';

export async function makePdf(pages: PageSpec[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const scan = await doc.embedPng(greyPng(60, 80));
  for (const spec of pages) {
    const page = doc.addPage([595, 842]);
    if (spec === 'scan') {
      page.drawImage(scan, { x: 0, y: 0, width: 595, height: 842 });
      continue;
    }
    spec.forEach((line, i) => page.drawText(line, { x: 56, y: 780 - i * 16, size: 11, font }));
  }
  return Buffer.from(await doc.save());
}

/** An 8-bit greyscale PNG with some noise, like a scanned page. */
function greyPng(width: number, height: number): Buffer {
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = 200 + ((x * 7 + y * 13) % 40);
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** A PDF whose Standard security handler needs a user password (its /U entry matches no empty password). */
export function encryptedPdf(): Buffer {
  const hex = (byte: number) => Buffer.alloc(32, byte).toString('hex');
  return minimalPdf(
    ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>', `<< /Filter /Standard /V 1 /R 2 /O <${hex(0x11)}> /U <${hex(0x22)}> /P -4 >>`],
    `/Root 1 0 R /Encrypt 4 0 R /ID [<${'ab'.repeat(16)}> <${'ab'.repeat(16)}>]`,
  );
}

/** Objects 1..n with a correct cross-reference table. */
function minimalPdf(objects: string[], trailer: string): Buffer {
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
