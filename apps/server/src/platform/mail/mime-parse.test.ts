import { describe, expect, it } from 'vitest';
import { decodeEncodedWords, parseMail } from './mime-parse.js';

describe('minimal MIME parser (test helper)', () => {
  it('[A6] decodes folded encoded-word headers and nested multipart bodies (base64 + quoted-printable)', () => {
    const raw = [
      'From: "Persada" <persada@contoh.go.id>',
      'To: a@contoh.go.id, "B" <b@contoh.go.id>',
      'Subject: =?UTF-8?B?S29yZWtzaSDigJQg?=',
      ' =?UTF-8?Q?dikonfirmasi_=E2=9C=93?=',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="outer"',
      '',
      'preamble',
      '--outer',
      'Content-Type: multipart/alternative; boundary=inner',
      '',
      '--inner',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('Halo — teks biasa\n').toString('base64'),
      '--inner',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      '<p>Halo =E2=80=94 <b>HTML</b> panjang sekali sehingga dipotong dengan soft=',
      ' break</p>',
      '--inner--',
      '--outer',
      'Content-Type: text/plain',
      'Content-Disposition: attachment; filename=x.txt',
      '',
      'lampiran',
      '--outer--',
      '',
    ].join('\r\n');
    const m = parseMail(raw);
    expect(m.subject).toBe('Koreksi — dikonfirmasi ✓');
    expect(m.from).toBe('persada@contoh.go.id');
    expect(m.to).toEqual(['a@contoh.go.id', 'b@contoh.go.id']);
    expect(m.text).toBe('Halo — teks biasa\n');
    expect(m.html).toBe('<p>Halo — <b>HTML</b> panjang sekali sehingga dipotong dengan soft break</p>');
    expect(decodeEncodedWords('plain text')).toBe('plain text');
  });
});
