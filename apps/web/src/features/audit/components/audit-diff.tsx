import * as React from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/utils';

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const show = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v, null, 2));

/** Before/after comparison of an audit entry (changed fields highlighted). */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const [all, setAll] = React.useState(false);

  if (!isObj(before) && !isObj(after)) {
    return (
      <div className="grid gap-3 md:grid-cols-2">
        <JsonBlock title={t('audit.before')} value={before} />
        <JsonBlock title={t('audit.after')} value={after} />
      </div>
    );
  }
  const b = isObj(before) ? before : {};
  const a = isObj(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  const changed = (k: string) => JSON.stringify(b[k]) !== JSON.stringify(a[k]);
  const rows = all ? keys : keys.filter(changed);

  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center justify-between">
        <p className="text-xs text-muted-foreground">{t('audit.changedFields', { count: keys.filter(changed).length })}</p>
        <Button size="sm" variant="ghost" onClick={() => setAll((x) => !x)}>
          {all ? t('audit.showChanged') : t('audit.showAll')}
        </Button>
      </div>
      <div className="overflow-x-auto rounded-md border bg-background">
        <table className="w-full text-xs">
          <thead>
            <tr className="border-b bg-muted/40 text-left">
              <th className="p-2 font-semibold">{t('audit.field')}</th>
              <th className="p-2 font-semibold">{t('audit.before')}</th>
              <th className="p-2 font-semibold">{t('audit.after')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={3} className="p-3 text-center text-muted-foreground">
                  {t('audit.noChanges')}
                </td>
              </tr>
            ) : (
              rows.map((k) => (
                <tr key={k} className={cn('border-b last:border-0 align-top', changed(k) && 'bg-warning/5')}>
                  <td className="p-2 font-mono font-medium">{k}</td>
                  <td className={cn('p-2 font-mono whitespace-pre-wrap break-all', changed(k) && 'text-destructive line-through decoration-destructive/40')}>
                    {show(b[k])}
                  </td>
                  <td className={cn('p-2 font-mono whitespace-pre-wrap break-all', changed(k) && 'text-success')}>{show(a[k])}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  return (
    <div>
      <p className="mb-1 text-xs font-semibold">{title}</p>
      <pre className="max-h-72 overflow-auto rounded-md border bg-background p-2 text-xs">{value == null ? '—' : JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}
