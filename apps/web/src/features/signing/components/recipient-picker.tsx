import * as React from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Search, X } from 'lucide-react';
import type { TRecipient } from '@persada/shared';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { trustApi } from '../api';

function useDebounced<T>(value: T, ms = 250): T {
  const [v, setV] = React.useState(value);
  React.useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

/**
 * Chooses the recipients of an encrypted document (K4) among the holders of a valid encryption
 * certificate in this Pemda: search by name, NIP or OPD; each result shows the certificate expiry.
 */
export function RecipientPicker({ value, onChange }: { value: TRecipient[]; onChange: (next: TRecipient[]) => void }) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = React.useState('');
  const dq = useDebounced(q.trim());
  const found = useQuery({ queryKey: ['signing', 'recipients', dq], queryFn: () => trustApi.recipients(dq || undefined), placeholderData: keepPreviousData });
  const chosen = new Set(value.map((r) => r.certificateId));
  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'id-ID', { day: 'numeric', month: 'short', year: 'numeric' });
  const options = (found.data ?? []).filter((r) => !chosen.has(r.certificateId));

  return (
    <div className="grid gap-2">
      <Label htmlFor="recipient-search">{t('signing.recipients.label')}</Label>
      {value.length ? (
        <ul className="flex flex-wrap gap-2" aria-label={t('signing.recipients.selected')}>
          {value.map((r) => (
            <li key={r.certificateId} className="flex items-center gap-1 rounded-full border bg-muted px-3 py-1 text-sm">
              <span>{r.name}</span>
              <Button type="button" variant="ghost" size="icon" className="size-5" aria-label={t('signing.recipients.remove', { name: r.name })} onClick={() => onChange(value.filter((x) => x.certificateId !== r.certificateId))}>
                <X className="size-3" />
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="relative">
        <Search className="pointer-events-none absolute left-2 top-2.5 size-4 text-muted-foreground" />
        <Input id="recipient-search" className="pl-8" placeholder={t('signing.recipients.search')} value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      <ul className="max-h-56 divide-y overflow-y-auto rounded-md border" aria-label={t('signing.recipients.label')}>
        {options.length ? (
          options.map((r) => (
            <li key={r.certificateId}>
              <button
                type="button"
                className="flex w-full flex-col items-start px-3 py-2 text-left text-sm hover:bg-muted focus:bg-muted focus:outline-none"
                aria-label={t('signing.recipients.add', { name: r.name })}
                onClick={() => onChange([...value, r])}
              >
                <span className="font-medium">{r.name}</span>
                <span className="text-xs text-muted-foreground">
                  {[r.nip ? `NIP ${r.nip}` : null, r.opdName, t('signing.recipients.expires', { date: date(r.notAfter) })].filter(Boolean).join(' · ')}
                </span>
              </button>
            </li>
          ))
        ) : (
          <li className="px-3 py-2 text-sm text-muted-foreground">{t('signing.recipients.none')}</li>
        )}
      </ul>
    </div>
  );
}
