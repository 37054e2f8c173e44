/**
 * Test helper: the text of a PDF, one string per page.
 *
 * Uses poppler's `pdftotext` when it is installed (CI installs poppler-utils). Otherwise a
 * small pure-JS extractor reads the PDFs that Typst writes (uncompressed xref, FlateDecode
 * content streams, Type0 fonts with ToUnicode CMaps): it decodes the glyphs of every
 * Tj/TJ and groups them into lines by their position on the page.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

let hasPdftotext: boolean | undefined;

export function pdftotextAvailable(): boolean {
  hasPdftotext ??= spawnSync('pdftotext', ['-v']).status === 0;
  return hasPdftotext;
}

/** Page texts of a PDF (via pdftotext when available, else the pure-JS extractor). */
export function pdfPages(pdf: Buffer, opts: { engine?: 'auto' | 'pdftotext' | 'js' } = {}): string[] {
  // PDF_TEXT_ENGINE=js forces the fallback, to check the suite as it runs without poppler.
  const engine = opts.engine ?? (process.env.PDF_TEXT_ENGINE === 'js' ? 'js' : 'auto');
  if (engine === 'pdftotext' || (engine === 'auto' && pdftotextAvailable())) return pdftotextPages(pdf);
  return jsPdfPages(pdf);
}

/** All whitespace runs collapsed to one space, for robust `toContain` checks. */
export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function pdftotextPages(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'pdftext-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const pages = text.split('\f');
    if (pages.length > 1 && pages[pages.length - 1].trim() === '') pages.pop();
    return pages;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------
// Pure-JS fallback

type PdfObject = { dict: string; stream: Buffer | null };

function parseObjects(pdf: Buffer): Map<number, PdfObject> {
  const s = pdf.toString('latin1');
  const objs = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\b/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const start = m.index + m[0].length;
    const end = s.indexOf('endobj', start);
    if (end < 0) break;
    let body = s.slice(start, end);
    let stream: Buffer | null = null;
    const si = body.search(/\bstream\r?\n/);
    if (si >= 0) {
      const dict = body.slice(0, si);
      const dataStart = start + si + (body[si + 6] === '\r' ? 8 : 7);
      const len = /\/Length (\d+)(?!\s+\d+\s+R)/.exec(dict);
      const dataEnd = len ? dataStart + Number(len[1]) : s.lastIndexOf('endstream', end);
      stream = pdf.subarray(dataStart, dataEnd);
      if (/\/FlateDecode/.test(dict)) stream = inflateSync(stream);
      body = dict;
    }
    objs.set(Number(m[1]), { dict: body, stream });
    re.lastIndex = end;
  }
  return objs;
}

/** ToUnicode CMap: glyph code (hex) → text. */
function parseCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hexText = (h: string) => {
    let out = '';
    for (let i = 0; i + 4 <= h.length; i += 4) out += String.fromCharCode(parseInt(h.slice(i, i + 4), 16));
    return out;
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) map.set(parseInt(m[1], 16), hexText(m[2]));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]*>|\[[^\]]*\])/g)) {
      const lo = parseInt(m[1], 16);
      const hi = parseInt(m[2], 16);
      if (m[3].startsWith('[')) {
        const items = [...m[3].matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => hexText(x[1]));
        for (let c = lo; c <= hi; c++) map.set(c, items[c - lo] ?? '');
      } else {
        const base = hexText(m[3].slice(1, -1));
        for (let c = lo; c <= hi; c++) {
          map.set(c, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + (c - lo)));
        }
      }
    }
  }
  return map;
}

type Token = { t: 'num'; v: number } | { t: 'str'; v: Buffer } | { t: 'name'; v: string } | { t: 'op'; v: string } | { t: 'arr'; v: Token[] };

function tokenize(src: Buffer): Token[] {
  const s = src.toString('latin1');
  const root: Token[] = [];
  const stack: Token[][] = [root];
  let i = 0;
  const push = (tok: Token) => stack[stack.length - 1].push(tok);
  while (i < s.length) {
    const c = s[i];
    if (/\s/.test(c)) i++;
    else if (c === '%') while (i < s.length && s[i] !== '\n') i++;
    else if (c === '[') {
      const arr: Token[] = [];
      push({ t: 'arr', v: arr });
      stack.push(arr);
      i++;
    } else if (c === ']') {
      if (stack.length > 1) stack.pop();
      i++;
    } else if (c === '(') {
      const bytes: number[] = [];
      let depth = 1;
      i++;
      while (i < s.length && depth > 0) {
        const ch = s[i];
        if (ch === '\\') {
          const n = s[i + 1];
          const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
          if (/[0-7]/.test(n)) {
            const oct = /^[0-7]{1,3}/.exec(s.slice(i + 1, i + 4))![0];
            bytes.push(parseInt(oct, 8) & 0xff);
            i += 1 + oct.length;
          } else if (n === '\r' || n === '\n') {
            i += n === '\r' && s[i + 2] === '\n' ? 3 : 2;
          } else {
            bytes.push(esc[n] ?? n.charCodeAt(0));
            i += 2;
          }
          continue;
        }
        if (ch === '(') depth++;
        if (ch === ')' && --depth === 0) break;
        bytes.push(ch.charCodeAt(0));
        i++;
      }
      i++;
      push({ t: 'str', v: Buffer.from(bytes) });
    } else if (c === '<' && s[i + 1] === '<') {
      // Inline dictionaries (marked content properties) are skipped.
      let depth = 0;
      do {
        if (s.startsWith('<<', i)) (depth++, (i += 2));
        else if (s.startsWith('>>', i)) (depth--, (i += 2));
        else i++;
      } while (depth > 0 && i < s.length);
    } else if (c === '<') {
      const end = s.indexOf('>', i);
      push({ t: 'str', v: Buffer.from(s.slice(i + 1, end).replace(/\s+/g, ''), 'hex') });
      i = end + 1;
    } else if (c === '/') {
      const m = /^\/[^\s/[\]()<>{}%]*/.exec(s.slice(i, i + 128))!;
      push({ t: 'name', v: m[0].slice(1) });
      i += m[0].length;
    } else {
      const m = /^[^\s/[\]()<>{}%]+/.exec(s.slice(i, i + 64));
      if (!m) {
        i++;
        continue;
      }
      const w = m[0];
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) push({ t: 'num', v: Number(w) });
      else push({ t: 'op', v: w });
      i += w.length;
    }
  }
  return root;
}

type Matrix = [number, number, number, number, number, number];
const mul = (a: Matrix, b: Matrix): Matrix => [
  a[0] * b[0] + a[1] * b[2],
  a[0] * b[1] + a[1] * b[3],
  a[2] * b[0] + a[3] * b[2],
  a[2] * b[1] + a[3] * b[3],
  a[4] * b[0] + a[5] * b[2] + b[4],
  a[4] * b[1] + a[5] * b[3] + b[5],
];

const refIn = (dict: string, key: string): number | null => {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : null;
};

/** Resolves `/Key << … >>` or `/Key N 0 R` inside a dictionary to the dictionary text. */
function subDict(objs: Map<number, PdfObject>, dict: string, key: string): string {
  const ref = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  if (ref) return objs.get(Number(ref[1]))?.dict ?? '';
  const at = dict.search(new RegExp(`/${key}\\s*<<`));
  if (at < 0) return '';
  let i = dict.indexOf('<<', at);
  const start = i;
  let depth = 0;
  do {
    if (dict.startsWith('<<', i)) (depth++, (i += 2));
    else if (dict.startsWith('>>', i)) (depth--, (i += 2));
    else i++;
  } while (depth > 0 && i < dict.length);
  return dict.slice(start, i);
}

const namedRefs = (dict: string): Map<string, number> =>
  new Map([...dict.matchAll(/\/([^\s/<>[\]]+)\s+(\d+) 0 R/g)].map((m) => [m[1], Number(m[2])]));

function jsPdfPages(pdf: Buffer): string[] {
  const objs = parseObjects(pdf);
  const cmaps = new Map<number, Map<number, string>>();
  const cmapOf = (fontObj: number) => {
    if (!cmaps.has(fontObj)) {
      const tu = refIn(objs.get(fontObj)?.dict ?? '', 'ToUnicode');
      const stream = tu !== null ? objs.get(tu)?.stream : null;
      cmaps.set(fontObj, stream ? parseCMap(stream.toString('latin1')) : new Map());
    }
    return cmaps.get(fontObj)!;
  };

  const catalog = [...objs.values()].find((o) => /\/Type\s*\/Catalog/.test(o.dict));
  const kidsOf = (n: number): number[] => {
    const d = objs.get(n)?.dict ?? '';
    if (/\/Type\s*\/Page\b(?!s)/.test(d)) return [n];
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(d);
    return kids ? [...kids[1].matchAll(/(\d+) 0 R/g)].flatMap((m) => kidsOf(Number(m[1]))) : [];
  };
  const root = catalog ? refIn(catalog.dict, 'Pages') : null;
  const pages = root !== null ? kidsOf(root) : [];

  return pages.map((pageNo) => {
    const page = objs.get(pageNo)!.dict;
    const runs: { x: number; y: number; text: string }[] = [];
    const run = (content: Buffer, resources: string, base: Matrix) => {
      const fonts = namedRefs(subDict(objs, resources, 'Font'));
      const xobjects = namedRefs(subDict(objs, resources, 'XObject'));
      let ctm = base;
      const saved: Matrix[] = [];
      let tm: Matrix = [1, 0, 0, 1, 0, 0];
      let font = new Map<number, string>();
      let operands: Token[] = [];
      const show = (strs: Token[]) => {
        let text = '';
        for (const tok of strs) {
          if (tok.t !== 'str') continue;
          for (let k = 0; k + 1 < tok.v.length; k += 2) text += font.get(tok.v.readUInt16BE(k)) ?? '';
        }
        const m = mul(tm, ctm);
        runs.push({ x: m[4], y: m[5], text });
      };
      for (const tok of tokenize(content)) {
        if (tok.t !== 'op') {
          operands.push(tok);
          continue;
        }
        const nums = operands.filter((o) => o.t === 'num').map((o) => (o as { v: number }).v);
        switch (tok.v) {
          case 'q':
            saved.push(ctm);
            break;
          case 'Q':
            ctm = saved.pop() ?? ctm;
            break;
          case 'cm':
            ctm = mul(nums.slice(-6) as Matrix, ctm);
            break;
          case 'BT':
            tm = [1, 0, 0, 1, 0, 0];
            break;
          case 'Tm':
            tm = nums.slice(-6) as Matrix;
            break;
          case 'Td':
          case 'TD':
            tm = mul([1, 0, 0, 1, nums[0], nums[1]], tm);
            break;
          case 'Tf': {
            const name = operands.find((o) => o.t === 'name') as { v: string } | undefined;
            const ref = name ? fonts.get(name.v) : undefined;
            font = ref !== undefined ? cmapOf(ref) : new Map();
            break;
          }
          case 'Tj':
          case "'":
            show(operands);
            break;
          case 'TJ':
            show(operands.flatMap((o) => (o.t === 'arr' ? o.v : [])));
            break;
          case 'Do': {
            const name = operands.find((o) => o.t === 'name') as { v: string } | undefined;
            const ref = name ? xobjects.get(name.v) : undefined;
            const xo = ref !== undefined ? objs.get(ref) : undefined;
            if (xo?.stream && /\/Subtype\s*\/Form/.test(xo.dict)) {
              const mat = /\/Matrix\s*\[([^\]]*)\]/.exec(xo.dict);
              const fm = mat ? (mat[1].trim().split(/\s+/).map(Number) as Matrix) : ([1, 0, 0, 1, 0, 0] as Matrix);
              run(xo.stream, subDict(objs, xo.dict, 'Resources') || resources, mul(fm, ctm));
            }
            break;
          }
        }
        operands = [];
      }
    };
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page);
    const streams = contents ? [...contents[1].matchAll(/(\d+) 0 R/g)].map((m) => objs.get(Number(m[1]))?.stream) : [];
    const resources = subDict(objs, page, 'Resources');
    for (const st of streams) if (st) run(st, resources, [1, 0, 0, 1, 0, 0]);

    // Group runs into lines (top to bottom), each line left to right.
    runs.sort((a, b) => b.y - a.y || a.x - b.x);
    const lines: { y: number; parts: typeof runs }[] = [];
    for (const r of runs) {
      const last = lines[lines.length - 1];
      if (last && Math.abs(last.y - r.y) < 2) last.parts.push(r);
      else lines.push({ y: r.y, parts: [r] });
    }
    return lines.map((l) => l.parts.sort((a, b) => a.x - b.x).map((p) => p.text).join(' ')).join('\n');
  });
}
