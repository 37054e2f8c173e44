import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ArrowDown, ArrowUp, Trash2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { toast } from '@/components/form';
import { isApiError } from '@/lib/api';
import { signingApi, type Candidate } from '../api';

type Row = { user: Candidate; position: string };

export function NewRequestDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (o: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [file, setFile] = React.useState<File | null>(null);
  const [title, setTitle] = React.useState('');
  const [docNumber, setDocNumber] = React.useState('');
  const [search, setSearch] = React.useState('');
  const [rows, setRows] = React.useState<Row[]>([]);
  const [error, setError] = React.useState<string | null>(null);
  const candidates = useQuery({ queryKey: ['signing', 'candidates', search], queryFn: () => signingApi.candidates(search || undefined), enabled: open });
  const create = useMutation({
    mutationFn: () => signingApi.create(file!, { title, docNumber: docNumber || null, signers: rows.map((r) => ({ userId: r.user.id, position: r.position || null })) }),
    onSuccess: (r) => {
      qc.invalidateQueries({ queryKey: ['signing'] });
      toast.success(t('signing.new.created'));
      onOpenChange(false);
      setFile(null); setTitle(''); setDocNumber(''); setRows([]);
      navigate({ to: '/tanda-tangan/$id', params: { id: r.id } });
    },
    onError: (e) => setError(isApiError(e) ? `${e.localizedTitle(i18n.language)} ${e.errors.map((x) => (i18n.language === 'en' ? x.message_en : x.message)).join(' ')}` : String(e)),
  });
  const move = (i: number, d: number) => setRows((rs) => { const c = [...rs]; const [x] = c.splice(i, 1); c.splice(i + d, 0, x); return c; });
  const valid = !!file && title.trim().length >= 3 && rows.length > 0;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>{t('signing.new.title')}</DialogTitle>
          <DialogDescription>{t('signing.new.description')}</DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-3"
          onSubmit={(e) => { e.preventDefault(); setError(null); if (valid) create.mutate(); }}
        >
          <div className="grid gap-1">
            <Label htmlFor="sign-file">{t('signing.new.file')}</Label>
            <Input id="sign-file" type="file" accept="application/pdf,.pdf" onChange={(e) => { const f = e.target.files?.[0] ?? null; setFile(f); if (f && !title) setTitle(f.name.replace(/\.pdf$/i, '')); }} />
          </div>
          <div className="grid gap-1 sm:grid-cols-2 sm:gap-3">
            <div className="grid gap-1">
              <Label htmlFor="sign-title">{t('signing.field.title')}</Label>
              <Input id="sign-title" value={title} onChange={(e) => setTitle(e.target.value)} />
            </div>
            <div className="grid gap-1">
              <Label htmlFor="sign-number">{t('signing.field.docNumber')}</Label>
              <Input id="sign-number" value={docNumber} onChange={(e) => setDocNumber(e.target.value)} placeholder="800/…/Diskominfo/2026" />
            </div>
          </div>
          <div className="grid gap-1">
            <Label htmlFor="sign-search">{t('signing.new.addSigner')}</Label>
            <Input id="sign-search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('signing.new.searchPeople')} />
            <div className="max-h-32 overflow-auto rounded border">
              {(candidates.data ?? []).filter((c) => !rows.some((r) => r.user.id === c.id)).slice(0, 8).map((c) => (
                <button type="button" key={c.id} className="block w-full px-2 py-1 text-left text-sm hover:bg-muted" onClick={() => setRows((rs) => [...rs, { user: c, position: '' }])}>
                  {c.displayName} <span className="text-muted-foreground">{c.nip ? `· NIP ${c.nip}` : ''} · {c.email}</span>
                </button>
              ))}
            </div>
          </div>
          <ol className="grid gap-2" aria-label={t('signing.field.signers')}>
            {rows.map((r, i) => (
              <li key={r.user.id} className="flex items-center gap-2 rounded border p-2 text-sm">
                <span className="w-5 font-semibold">{i + 1}.</span>
                <span className="flex-1">{r.user.displayName}</span>
                <Input className="h-8 w-56" aria-label={t('signing.field.position')} placeholder={t('signing.field.position')} value={r.position} onChange={(e) => setRows((rs) => rs.map((x, k) => (k === i ? { ...x, position: e.target.value } : x)))} />
                <Button type="button" size="icon" variant="ghost" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('signing.new.up')}><ArrowUp /></Button>
                <Button type="button" size="icon" variant="ghost" disabled={i === rows.length - 1} onClick={() => move(i, 1)} aria-label={t('signing.new.down')}><ArrowDown /></Button>
                <Button type="button" size="icon" variant="ghost" onClick={() => setRows((rs) => rs.filter((_, k) => k !== i))} aria-label={t('signing.new.remove')}><Trash2 /></Button>
              </li>
            ))}
          </ol>
          {error ? <p className="text-sm text-destructive" role="alert">{error}</p> : null}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>{t('signing.common.cancel')}</Button>
            <Button type="submit" disabled={!valid || create.isPending}>{t('signing.new.submit')}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
