import * as React from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { cn } from '@/lib/utils';

/** Labelled input bound to a string state. */
export function Text({ label, value, onChange, type = 'text', className, required }: { label: string; value: string | number | null | undefined; onChange: (v: string) => void; type?: string; className?: string; required?: boolean }) {
  const id = React.useId();
  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      <Label htmlFor={id}>
        {label}
        {required ? ' *' : ''}
      </Label>
      <Input id={id} type={type} value={value ?? ''} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

export function Area({ label, value, onChange, rows = 3, hint, className }: { label: string; value: string; onChange: (v: string) => void; rows?: number; hint?: string; className?: string }) {
  const id = React.useId();
  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      <Label htmlFor={id}>
        {label}
        {hint ? <span className="ml-1 text-xs font-normal text-muted-foreground">({hint})</span> : null}
      </Label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="rounded-md border border-input bg-background px-3 py-2 text-sm shadow-sm focus-visible:outline-none focus-visible:ring-1 focus-visible:ring-ring"
      />
    </div>
  );
}

export function Select({ label, value, onChange, options, className, required }: { label: string; value: string; onChange: (v: string) => void; options: { value: string; label: string }[]; className?: string; required?: boolean }) {
  const id = React.useId();
  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      <Label htmlFor={id}>
        {label}
        {required ? ' *' : ''}
      </Label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className="h-9 rounded-md border border-input bg-background px-2 text-sm shadow-sm">
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** "2019-01-03" → "03/01/2019". */
export const tgl = (iso: string | null | undefined) => (iso ? iso.slice(0, 10).split('-').reverse().join('/') : '—');
export const todayIso = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

const sevVariant: Record<string, 'destructive' | 'warning' | 'secondary' | 'outline'> = { kritis: 'destructive', tinggi: 'destructive', sedang: 'warning', rendah: 'secondary', info: 'outline' };
export function SeverityBadge({ severity }: { severity: string }) {
  const { t } = useTranslation();
  return <Badge variant={sevVariant[severity] ?? 'secondary'}>{t(`secops.severity.${severity}`)}</Badge>;
}
const statusVariant: Record<string, 'warning' | 'default' | 'success' | 'secondary'> = { terbuka: 'warning', diperbaiki: 'default', diverifikasi: 'success', diterima: 'secondary' };
export function FindingStatusBadge({ status, overdue }: { status: string; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="inline-flex gap-1">
      <Badge variant={statusVariant[status] ?? 'secondary'}>{t(`secops.status.${status}`)}</Badge>
      {overdue ? <Badge variant="destructive">{t('secops.finding.overdue')}</Badge> : null}
    </span>
  );
}

export function Pager({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage: (p: number) => void }) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <div className="mt-3 flex items-center justify-end gap-2 text-sm text-muted-foreground">
      <span>{t('secops.pageOf', { page, pages, total })}</span>
      <Button size="sm" variant="outline" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('secops.prev')}
      </Button>
      <Button size="sm" variant="outline" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('secops.next')}
      </Button>
    </div>
  );
}
