import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TControlRef, TRiskRef, TSystemAssetEntity } from '@persada/shared';
import { api } from '@/lib/api';
import { usePermission } from '@/lib/auth';

/* Reverse links between GRC records, shown on record pages of several features (E1, B7). */

const textOn = (hex: string) => {
  const n = parseInt(hex.replace('#', ''), 16);
  return 0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255) > 150 ? '#111827' : '#ffffff';
};

/** "Risks recorded on this system": the risk register rows whose asset is this record. */
export function RisksOnAsset({ entity, id }: { entity: TSystemAssetEntity; id: string }) {
  const { t } = useTranslation();
  const allowed = usePermission('risks.read');
  const q = useQuery({
    queryKey: ['risks', 'by-asset', entity, id],
    queryFn: () => api.get<TRiskRef[]>('/api/risks/by-asset', { entity, id }),
    enabled: allowed,
  });
  if (!allowed) return null;
  const title = t('links.risksOnAsset');
  return (
    <section aria-label={title} className="rounded-md border p-3">
      <h2 className="mb-2 text-sm font-semibold">{title}</h2>
      {q.data && q.data.length === 0 ? <p className="text-sm text-muted-foreground">{t('links.noRisks')}</p> : null}
      <ul className="flex flex-col gap-1 text-sm">
        {(q.data ?? []).map((r) => (
          <li key={r.id} className="flex flex-wrap items-center gap-2">
            <Link to="/risiko/$riskId" params={{ riskId: r.id }} className="font-medium text-primary hover:underline">
              {r.code} {r.event}
            </Link>
            <span className="text-muted-foreground">{r.opdName}</span>
            <span className="rounded px-2 py-0.5 text-xs font-semibold" style={{ backgroundColor: r.current.color, color: textOn(r.current.color) }}>
              {r.current.score} · {r.current.levelName}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Rules and control procedures whose links name this risk (the controls treating it) or obligation. */
export function ControlsLinkedTo({ entity, id }: { entity: 'risk' | 'obligation'; id: string }) {
  const { t } = useTranslation();
  const allowed = usePermission('governance.read');
  const q = useQuery({
    queryKey: ['governance', 'controls', 'linked', entity, id],
    queryFn: () => api.get<TControlRef[]>('/api/governance/controls/linked', { entity, id }),
    enabled: allowed,
  });
  if (!allowed) return null;
  const title = entity === 'risk' ? t('links.controlsTreating') : t('links.controlsSatisfying');
  return (
    <section aria-label={title} className="rounded-md border p-3">
      <h2 className="mb-2 text-sm font-semibold">{title}</h2>
      {q.data && q.data.length === 0 ? <p className="text-sm text-muted-foreground">{t('links.noControls')}</p> : null}
      <ul className="flex flex-col gap-1 text-sm">
        {(q.data ?? []).map((c) => (
          <li key={c.id} className="flex flex-wrap items-center gap-2">
            <Link to={c.kind === 'rule' ? '/tata-kelola/aturan' : '/tata-kelola/prosedur'} className="font-medium text-primary hover:underline">
              {t(`links.controlKind.${c.kind}`)} {c.code}. {c.title}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
