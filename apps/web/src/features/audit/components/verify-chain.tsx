import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link2, Loader2, ShieldAlert, ShieldCheck } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { formatNumber } from '@/lib/utils';
import { auditApi } from '../api';

/** "Verifikasi rantai": recomputes the hash chain on the server and shows the outcome. */
export function VerifyChain() {
  const { t, i18n } = useTranslation();
  const verify = useMutation({ mutationFn: auditApi.verify });
  const r = verify.data;
  return (
    <div className="flex flex-col gap-2">
      <Button variant="outline" onClick={() => verify.mutate()} disabled={verify.isPending}>
        {verify.isPending ? <Loader2 className="animate-spin" /> : <Link2 />}
        {t('audit.verify')}
      </Button>
      {r ? (
        <div
          role="status"
          className={
            r.ok
              ? 'flex items-start gap-2 rounded-md border border-success/40 bg-success/10 p-3 text-sm'
              : 'flex items-start gap-2 rounded-md border border-destructive/40 bg-destructive/10 p-3 text-sm'
          }
        >
          {r.ok ? <ShieldCheck className="mt-0.5 size-4 text-success" /> : <ShieldAlert className="mt-0.5 size-4 text-destructive" />}
          <span>
            {r.ok
              ? t('audit.verifyOk', { count: r.entries, entries: formatNumber(r.entries, i18n.language) })
              : t('audit.verifyBroken', { id: r.firstBrokenId ?? '?', entries: formatNumber(r.entries, i18n.language) })}
          </span>
        </div>
      ) : null}
    </div>
  );
}
