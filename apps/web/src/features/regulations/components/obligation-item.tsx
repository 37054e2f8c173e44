import { useTranslation } from 'react-i18next';
import { Link2, ShieldCheck } from 'lucide-react';
import type { TObligationCompliance, TRegObligation } from '@persada/shared';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { StatusBadge } from './status-badge';

/** One obligation: text, bearer, frequency, requirement IDs; with its compliance when known. */
export function ObligationItem({
  obligation,
  compliance,
  onAttest,
}: {
  obligation: TRegObligation;
  compliance?: TObligationCompliance;
  onAttest?: (o: TRegObligation) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return (
    <li className="rounded-md border bg-muted/30 p-3" data-testid="obligation">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex flex-col gap-1">
          <p className="text-sm">
            {obligation.ref ? <span className="mr-1 font-medium">{obligation.ref}:</span> : null}
            {obligation.text}
          </p>
          <div className="flex flex-wrap gap-1 text-xs">
            <Badge variant="outline">{t(`regulations.bearer.${obligation.bearer}`)}</Badge>
            <Badge variant="outline">{t(`regulations.frequency.${obligation.frequency}`)}</Badge>
            {obligation.requirements.map((r) => (
              <Badge key={r} variant="secondary">
                {r}
              </Badge>
            ))}
            {obligation.evidenceKey ? (
              <Badge variant="outline" title={t('regulations.evidenceKey')}>
                <ShieldCheck className="mr-1 size-3" />
                {obligation.evidenceKey}
              </Badge>
            ) : null}
          </div>
        </div>
        <div className="flex shrink-0 items-center gap-2">
          {compliance ? <StatusBadge status={compliance.status} /> : null}
          {onAttest ? (
            <Button size="sm" variant="outline" onClick={() => onAttest(obligation)}>
              {t('regulations.attest')}
            </Button>
          ) : null}
        </div>
      </div>
      {compliance ? (
        <div className="mt-2 flex flex-col gap-1 text-xs text-muted-foreground">
          <p>{compliance.detail[lang]}</p>
          {compliance.records.length ? (
            <ul className="flex flex-wrap gap-2">
              {compliance.records.slice(0, 10).map((r) => (
                <li key={`${r.entity}:${r.id}`}>
                  {r.href ? (
                    <a href={r.href} className="inline-flex items-center gap-1 text-primary hover:underline">
                      <Link2 className="size-3" />
                      {r.label}
                    </a>
                  ) : (
                    r.label
                  )}
                </li>
              ))}
            </ul>
          ) : null}
          {compliance.attestations.length ? (
            <ul className="flex flex-col gap-1">
              {compliance.attestations.map((a) => (
                <li key={a.id} className={a.status === 'revoked' || a.status === 'expired' ? 'line-through opacity-70' : ''}>
                  {t('regulations.attestationLine', { by: a.attestedBy, from: a.effectiveDate, until: a.expiresOn })} — {a.statement}{' '}
                  <Badge variant="outline">{t(`regulations.attStatus.${a.status}`)}</Badge>
                  {a.files.map((f) => (
                    <a key={f.id} href={`/api/files/${f.id}`} className="ml-2 text-primary hover:underline">
                      {f.name}
                    </a>
                  ))}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
