import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui/badge';

const statusVariant: Record<string, 'default' | 'secondary' | 'destructive' | 'success' | 'warning' | 'outline'> = {
  draft: 'outline',
  submitted: 'warning',
  rejected: 'destructive',
  approved: 'success',
  issued: 'success',
  cancelled: 'secondary',
  active: 'success',
  revoked: 'destructive',
  expired: 'secondary',
  requested: 'warning',
  open: 'warning',
  in_progress: 'warning',
  escalated: 'destructive',
  resolved: 'success',
  closed: 'secondary',
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Badge variant={statusVariant[status] ?? 'outline'}>{t(`certificates.status.${status}`)}</Badge>;
}

export function Field({ label, children }: { label: React.ReactNode; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-2 py-1 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="col-span-2 break-words">{children}</dd>
    </div>
  );
}

export function YearSelect({ value, onChange, id }: { value: number; onChange: (y: number) => void; id?: string }) {
  const { t } = useTranslation();
  const now = new Date().getFullYear();
  const years = [now + 1, now, now - 1, now - 2, now - 3];
  return (
    <label className="flex items-center gap-2 text-sm">
      {t('certificates.year')}
      <select id={id} className="h-9 rounded-md border bg-background px-2" value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </label>
  );
}
