import * as React from 'react';
import { useTranslation } from 'react-i18next';
import { Loader2, Paperclip, Upload, X } from 'lucide-react';
import i18n from 'i18next';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { toast } from '@/components/form';

/** Uploads one attachment through the existing /api/files service and returns its id. */
export async function uploadFile(file: File): Promise<string> {
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await fetch('/api/files', { method: 'POST', body: form, credentials: 'include', headers: { 'accept-language': i18n.language === 'en' ? 'en' : 'id' } });
  const body = (await res.json().catch(() => ({}))) as { id?: string; title?: string; title_en?: string; detail?: string; detail_en?: string };
  if (!res.ok || !body.id) {
    const en = i18n.language === 'en';
    throw new Error((en ? body.detail_en ?? body.title_en : body.detail ?? body.title) ?? `HTTP ${res.status}`);
  }
  return body.id;
}

export const fileHref = (id: string) => `/api/files/${id}`;

/** One attachment (decree, report, evidence): link to the current file, upload or remove. Used by every feature. */
export function FileField({ label, value, onChange, className }: { label: string; value: string | null | undefined; onChange: (id: string | null) => void; className?: string }) {
  const { t } = useTranslation();
  const input = React.useRef<HTMLInputElement>(null);
  const [busy, setBusy] = React.useState(false);
  const id = React.useId();
  const pick = async (f: File | undefined) => {
    if (!f) return;
    setBusy(true);
    try {
      onChange(await uploadFile(f));
      toast.success(t('common.file.uploaded'));
    } catch (e) {
      toast.error(t('common.file.failed'), (e as Error).message);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <div className={className}>
      <Label htmlFor={id} className="mb-1.5 block">
        {label}
      </Label>
      <div className="flex items-center gap-2">
        {value ? (
          <a href={fileHref(value)} className="inline-flex items-center gap-1 text-sm text-primary hover:underline" target="_blank" rel="noreferrer">
            <Paperclip className="size-4" />
            {t('common.file.open')}
          </a>
        ) : (
          <span className="text-sm text-muted-foreground">{t('common.file.none')}</span>
        )}
        <input id={id} ref={input} type="file" className="sr-only" onChange={(e) => void pick(e.target.files?.[0])} aria-label={label} />
        <Button type="button" size="sm" variant="outline" disabled={busy} onClick={() => input.current?.click()}>
          {busy ? <Loader2 className="animate-spin" /> : <Upload />}
          {t('common.file.upload')}
        </Button>
        {value ? (
          <Button type="button" size="icon" variant="ghost" aria-label={t('common.file.remove')} onClick={() => onChange(null)}>
            <X />
          </Button>
        ) : null}
      </div>
    </div>
  );
}

/** A list of evidence files. */
export function FileList({ label, value, onChange }: { label: string; value: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  return (
    <div>
      <div className="mb-1 text-sm font-medium">{label}</div>
      <ul className="mb-1 space-y-1">
        {value.map((f, i) => (
          <li key={f} className="flex items-center gap-2 text-sm">
            <a href={fileHref(f)} target="_blank" rel="noreferrer" className="inline-flex items-center gap-1 text-primary hover:underline">
              <Paperclip className="size-4" />
              {t('common.file.evidence', { n: i + 1 })}
            </a>
            <Button type="button" size="icon" variant="ghost" aria-label={t('common.file.remove')} onClick={() => onChange(value.filter((x) => x !== f))}>
              <X />
            </Button>
          </li>
        ))}
      </ul>
      <FileField label={t('common.file.addEvidence')} value={null} onChange={(id) => id && onChange([...value, id])} />
    </div>
  );
}
