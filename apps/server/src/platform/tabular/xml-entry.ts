import type JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { check, type TabularLimits, UnsafeContentError } from './limits.js';

export type Attrs = Record<string, string>;
export interface Handler {
  open(name: string, attrs: Attrs): void;
  text(text: string): void;
  close(name: string): void;
}

/** What one reading of a zip has used so far, against its limits. */
export interface Budget {
  limits: TabularLimits;
  inflated: number;
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * Refuses a zip before inflating anything: too many entries, or entries that say they inflate past the limit
 * (a zip may lie about sizes: parseEntry also counts the bytes it really inflates).
 */
export function checkZip(zip: JSZip, budget: Budget) {
  const files = Object.values(zip.files);
  check(budget.limits, 'entries', files.length);
  let declared = 0;
  for (const f of files) {
    declared += (f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    check(budget.limits, 'uncompressed', declared);
  }
}

/**
 * Streams one entry through saxes; false if the entry is missing. Counts the inflated bytes, the element depth and
 * the bytes between two parser events (one text node or attribute may not outgrow a cell), and refuses a DTD, so
 * no entity is ever declared (billion laughs) — saxes expands none but the five predefined ones.
 */
export async function parseEntry(zip: JSZip, path: string, h: Handler, budget: Budget): Promise<boolean> {
  const file = zip.file(path);
  if (!file) return false;
  const { limits } = budget;
  // One token of saxes (a text node, an attribute) stays under a cell's characters at 4 bytes each.
  const maxGap = limits.maxCellChars * 4 + 64 * 1024;
  let gap = 0;
  let depth = 0;
  const parser = new SaxesParser();
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('doctype', () => {
    throw new UnsafeContentError(`DTD in ${path}`);
  });
  parser.on('opentag', (tag) => {
    gap = 0;
    check(limits, 'xmlDepth', ++depth);
    h.open(local(tag.name), tag.attributes as Attrs);
  });
  parser.on('text', (t) => {
    gap = 0;
    h.text(t);
  });
  parser.on('cdata', (t) => {
    gap = 0;
    h.text(t);
  });
  parser.on('closetag', (tag) => {
    gap = 0;
    depth--;
    h.close(local(tag.name));
  });
  const decoder = new TextDecoder('utf-8');
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    const stream = file.nodeStream('nodebuffer');
    stream
      .on('data', (chunk: Buffer) => {
        if (failed) return;
        try {
          budget.inflated += chunk.length;
          check(limits, 'uncompressed', budget.inflated);
          gap += chunk.length;
          parser.write(decoder.decode(chunk, { stream: true }));
          if (gap > maxGap) check(limits, 'cellChars', Math.ceil(gap / 4));
        } catch (e) {
          failed = true;
          stream.pause();
          reject(e);
        }
      })
      .on('error', reject)
      .on('end', () => resolve());
  });
  parser.write(decoder.decode());
  parser.close();
  return true;
}
