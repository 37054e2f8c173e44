import * as React from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui/badge';
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

/** Labelled textarea; with `lines` the hint says "one per line". */
export function Area({ label, value, onChange, rows = 3, lines, className }: { label: string; value: string; onChange: (v: string) => void; rows?: number; lines?: boolean; className?: string }) {
  const { t } = useTranslation();
  const id = React.useId();
  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      <Label htmlFor={id}>
        {label}
        {lines ? <span className="ml-1 text-xs font-normal text-muted-foreground">({t('governance.onePerLine')})</span> : null}
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

export function Select({ label, value, onChange, options, className }: { label: string; value: string; onChange: (v: string) => void; options: { value: string; label: string }[]; className?: string }) {
  const id = React.useId();
  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      <Label htmlFor={id}>{label}</Label>
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

const statusVariant: Record<string, 'secondary' | 'warning' | 'success' | 'destructive' | 'outline' | 'default'> = {
  draft: 'secondary',
  review: 'warning',
  approved: 'default',
  in_force: 'success',
  superseded: 'outline',
  not_started: 'outline',
  in_progress: 'warning',
  applied: 'success',
  passed: 'success',
  partial: 'warning',
  failed: 'destructive',
};

export function StatusBadge({ status, label }: { status: string; label: string }) {
  return <Badge variant={statusVariant[status] ?? 'secondary'}>{label}</Badge>;
}

/** "2019-01-03" → "03/01/2019". */
export const tgl = (iso: string | null | undefined) => (iso ? iso.slice(0, 10).split('-').reverse().join('/') : '—');

export function Numbered({ items }: { items: string[] }) {
  if (!items.length) return <span className="text-muted-foreground">—</span>;
  return (
    <ol className="list-decimal space-y-0.5 pl-5">
      {items.map((x, i) => (
        <li key={i}>{x}</li>
      ))}
    </ol>
  );
}
