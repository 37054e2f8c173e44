// Parses a seed regulation text (markdown-ish OCR) into the regulation-library YAML skeleton:
// articles (BAB, Bagian/Paragraf, Pasal) with their clauses (ayat, huruf, angka, paragraphs) in order.
// Usage: node scripts/regulations-parse-seed.mjs <seed.txt> <meta.json> [obligations.yaml] > out.yaml
// The obligations are hand-written (see src/modules/regulations/library/obligations/*.yaml) and
// merged in; the output is then hand-checked and committed as src/modules/regulations/library/<code>.yaml.
import fs from 'node:fs';
import YAML from 'yaml';

const [, , seedPath, metaPath, obligationsPath] = process.argv;
const meta = JSON.parse(fs.readFileSync(metaPath, 'utf8'));
let lines = fs.readFileSync(seedPath, 'utf8').split(/\r?\n/);

const clean = (s) =>
  s
    .replace(/\t/g, ' ')
    .replace(/^\s*>\s*/, '')
    .replace(/^\s*#+\s*/, '')
    .replace(/\*\*/g, '')
    .replace(/(^|\s)\*([^*]+)\*/g, '$1$2')
    .replace(/^\s*-\s+/, '')
    .replace(/^\s*-\s*:\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();

// Slice the operative part.
if (meta.startAt) lines = lines.slice(lines.findIndex((l) => l.includes(meta.startAt)));
const endIdx = lines.findIndex((l, i) => i > 0 && (meta.endAt ? l.includes(meta.endAt) : /^\s*Ditetapkan di/i.test(l)));
const body = endIdx > 0 ? lines.slice(0, endIdx) : lines;

// Menimbang / Mengingat as metadata.
const considerations = [];
const legalBasis = [];
let mode = null;
let started = false;
const ops = [];
for (const raw of body) {
  let l = clean(raw);
  if (!l) continue;
  if (!started) {
    if (/^Menimbang\s*:?/i.test(l)) { mode = 'm'; l = l.replace(/^Menimbang\s*:?\s*/i, ''); }
    else if (/^Mengingat\s*:?/i.test(l)) { mode = 'g'; l = l.replace(/^Mengingat\s*:?\s*/i, ''); }
    if (/^MEMUTUSKAN/i.test(l) || /^BAB\s+I\b/.test(l) || /^Menetapkan/i.test(l)) { started = /^BAB/.test(l); mode = null; if (!started) continue; }
    if (!started) {
      if (!l) continue;
      if (mode === 'm') { if (/^[a-z]\.\s/.test(l) || !considerations.length) considerations.push(l); else considerations[considerations.length - 1] += ' ' + l; }
      else if (mode === 'g') { l = l.replace(/^:\s*/, ''); if (/^\d+\.\s/.test(l) || !legalBasis.length) legalBasis.push(l); else legalBasis[legalBasis.length - 1] += ' ' + l; }
      continue;
    }
  }
  ops.push(l);
}

// Hand patches: OCR word-order damage, fixed by exact text replacement.
for (const r of meta.replace ?? []) {
  const i = ops.findIndex((l) => l.includes(r.from));
  if (i < 0) throw new Error(`replace not found: ${r.from}`);
  ops[i] = ops[i].replace(r.from, r.to);
}
// Hand patches: lines where the OCR lost a "Pasal N" heading.
for (const p of meta.insertPasal ?? []) {
  const i = ops.findIndex((l) => l.startsWith(p.before));
  if (i < 0) throw new Error(`patch not found: ${p.before}`);
  ops.splice(i, 0, `Pasal ${p.pasal}`);
}

const articles = [];
let chapter = null;
let chapterNeedsTitle = false;
let section = null;
let art = null;
let ayat = null;
const ROMAN = /^BAB\s+([IVXLC]+)\b\s*(.*)$/;
for (let l of ops) {
  // A heading line may end with "Pasal N" (e.g. "BAB IV PEMBIAYAAN Pasal 27").
  let pasalHere = null;
  const tail = l.match(/^(.*?)\s*\bPasal\s+(\d+[A-Z]?)$/);
  if (tail && (tail[1] === '' || /^(BAB|Bagian|Paragraf)\b/i.test(tail[1]))) { pasalHere = tail[2]; l = tail[1]; }
  const bab = l.match(ROMAN);
  if (bab) {
    chapter = { number: bab[1], title: bab[2].trim() };
    chapterNeedsTitle = !chapter.title;
    section = null;
    l = '';
  } else if (/^(Bagian|Paragraf)\b/i.test(l)) {
    section = l;
    l = '';
  } else if (chapterNeedsTitle && !pasalHere && (/^[A-Z0-9 ,.&/-]+$/.test(l) || (!chapter.title && l.length < 150 && /^[A-Z]/.test(l) && !/[.;:]$/.test(l)))) {
    chapter.title = (chapter.title + ' ' + l).trim();
    l = '';
  } else if (section && /^[A-Z][^.;:]*$/.test(l) && l.length < 90 && art && art.clauses.length && !pasalHere && section.split(' ').length <= 3) {
    // second line of a Bagian/Paragraf heading ("Bagian Kesatu" / "Tugas, Wewenang dan Fungsi")
    section = `${section} ${l}`;
    l = '';
  }
  if (pasalHere) {
    chapterNeedsTitle = false;
    art = { number: pasalHere, chapter: chapter ? `BAB ${chapter.number}${chapter.title ? ' ' + chapter.title.toUpperCase() : ''}` : null, section, clauses: [] };
    articles.push(art);
    ayat = null;
    continue;
  }
  if (!l) continue;
  if (!art) continue;
  let m;
  if ((m = l.match(/^\((\d+)\)\s*(.*)$/))) {
    ayat = m[1];
    art.clauses.push({ ayat, text: m[2] });
  } else if ((m = l.match(/^([a-z])\.\s+(.*)$/))) {
    art.clauses.push({ ...(ayat ? { ayat } : {}), huruf: m[1], text: m[2] });
  } else if ((m = l.match(/^(\d+)\.\s+(.*)$/))) {
    art.clauses.push({ ...(ayat ? { ayat } : {}), angka: m[1], text: m[2] });
  } else {
    const last = art.clauses[art.clauses.length - 1];
    if (last && (/^[a-z(]/.test(l) || !/[.;:]$/.test(last.text))) last.text = `${last.text} ${l}`;
    else art.clauses.push({ ...(ayat && last?.ayat === ayat && !last.huruf ? {} : {}), text: l });
  }
}
for (const a of articles) {
  if (!a.chapter) delete a.chapter;
  if (!a.section) delete a.section;
  for (const c of a.clauses) c.text = c.text.replace(/\s+/g, ' ').replace(/\s+([;:,.])/g, '$1').trim();
}

const out = { ...meta.regulation, considerations, legalBasis, articles };
if (obligationsPath) out.obligations = YAML.parse(fs.readFileSync(obligationsPath, 'utf8'));
process.stdout.write(`# Generated by scripts/regulations-parse-seed.mjs from ${seedPath.split('/').pop()}, then hand-checked.\n`);
process.stdout.write(YAML.stringify(out, { lineWidth: 0 }));
