import { Link, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui/badge';
import { usePermission } from '@/lib/auth';
import { cn } from '@/lib/utils';

export function ApprovalBadge({ status }: { status: 'belum' | 'setuju' | 'tidak_setuju' }) {
  const { t } = useTranslation();
  const variant = status === 'setuju' ? 'success' : status === 'tidak_setuju' ? 'destructive' : 'secondary';
  return <Badge variant={variant}>{t(`risks.approval.${status}`)}</Badge>;
}

/** Sub-navigation of the risk pages. */
export function RisksTabs() {
  const { t } = useTranslation();
  const path = useRouterState({ select: (s) => s.location.pathname });
  const canConfigure = usePermission('risks.configure');
  const tabs = [
    { to: '/risiko', label: t('risks.tabs.register') },
    { to: '/risiko/peta', label: t('risks.tabs.heatmap') },
    { to: '/risiko/konteks', label: t('risks.tabs.contexts') },
    ...(canConfigure ? [{ to: '/risiko/pengaturan', label: t('risks.tabs.settings') }] : []),
  ];
  return (
    <nav aria-label={t('risks.tabs.label')} className="mb-4 flex flex-wrap gap-1 border-b">
      {tabs.map((tab) => (
        <Link
          key={tab.to}
          to={tab.to}
          className={cn(
            '-mb-px border-b-2 px-3 py-2 text-sm',
            path === tab.to ? 'border-primary font-medium text-foreground' : 'border-transparent text-muted-foreground hover:text-foreground',
          )}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
