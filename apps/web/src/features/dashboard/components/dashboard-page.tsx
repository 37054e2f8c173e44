import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { auditActionLabel, auditEntityLabel } from '@/lib/audit-labels';
import { Bell, Building2, History, UserCog, Users, type LucideIcon } from 'lucide-react';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { PageHeader } from '@/components/layout/page-header';
import { hasPermission, useMe } from '@/lib/auth';
import { formatDateTime, formatNumber } from '@/lib/utils';
import { countOf, recentAudit, unreadCount } from '../api';
import { SecuritySection } from './security-section';

type Stat = { key: string; resource: string; labelKey: string; icon: LucideIcon; to: string; permission?: string; fetch: () => Promise<number> };

const stats: Stat[] = [
  { key: 'opds', resource: 'opds', labelKey: 'dashboard.opds', icon: Building2, to: '/organisasi/opd', permission: 'org.read', fetch: () => countOf('/api/opds') },
  { key: 'people', resource: 'people', labelKey: 'dashboard.people', icon: Users, to: '/pegawai', permission: 'people.read', fetch: () => countOf('/api/people') },
  { key: 'users', resource: 'users', labelKey: 'dashboard.users', icon: UserCog, to: '/akses/pengguna', permission: 'access.read', fetch: () => countOf('/api/users') },
  { key: 'unread', resource: 'notifications', labelKey: 'dashboard.unread', icon: Bell, to: '/notifikasi', fetch: unreadCount },
];

function StatCard({ stat }: { stat: Stat }) {
  const { t, i18n } = useTranslation();
  const q = useQuery({ queryKey: [stat.resource, 'count'], queryFn: stat.fetch, meta: { silent: true } });
  return (
    <Link to={stat.to} className="block rounded-lg focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring">
      <Card className="transition-shadow hover:shadow-md">
        <CardContent className="flex items-center gap-4 p-5">
          <span className="flex size-10 items-center justify-center rounded-md bg-secondary">
            <stat.icon className="size-5" />
          </span>
          <div>
            <p className="text-sm text-muted-foreground">{t(stat.labelKey)}</p>
            {q.isLoading ? (
              <Skeleton className="mt-1 h-7 w-12" />
            ) : (
              <p className="text-2xl font-semibold" data-testid={`stat-${stat.key}`}>
                {q.isError ? '—' : formatNumber(q.data ?? 0, i18n.language)}
              </p>
            )}
          </div>
        </CardContent>
      </Card>
    </Link>
  );
}

function RecentActivity() {
  const { t, i18n } = useTranslation();
  const q = useQuery({ queryKey: ['audit', 'recent'], queryFn: recentAudit, meta: { silent: true } });
  return (
    <Card>
      <CardHeader className="flex-row items-center justify-between">
        <div>
          <CardTitle>{t('dashboard.recentActivity')}</CardTitle>
          <CardDescription>{t('dashboard.recentActivityHelp')}</CardDescription>
        </div>
        <Link to="/audit" className="text-sm font-medium text-primary hover:underline">
          {t('dashboard.viewAll')}
        </Link>
      </CardHeader>
      <CardContent>
        {q.isLoading ? (
          <div className="flex flex-col gap-2">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} className="h-5 w-full" />
            ))}
          </div>
        ) : !q.data?.length ? (
          <p className="text-sm text-muted-foreground">{t('table.empty')}</p>
        ) : (
          <ul className="divide-y">
            {q.data.map((e) => (
              <li key={e.id} className="flex flex-col gap-0.5 py-2 text-sm sm:flex-row sm:items-center sm:gap-3">
                <History className="hidden size-4 text-muted-foreground sm:block" />
                <span className="font-medium">{e.actorLabel ?? t('audit.system')}</span>
                <span className="text-muted-foreground">
                  {auditActionLabel(t, e.action)} · {auditEntityLabel(t, e.entity)}
                </span>
                <span className="text-xs text-muted-foreground sm:ml-auto">{formatDateTime(e.at, i18n.language)}</span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const visible = stats.filter((s) => hasPermission(me, s.permission));
  return (
    <div>
      <PageHeader title={t('dashboard.title', { name: me?.displayName ?? '' })} description={me?.tenant.name} />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {visible.map((s) => (
          <StatCard key={s.key} stat={s} />
        ))}
      </div>
      <SecuritySection />
      {hasPermission(me, 'audit.read') ? (
        <div className="mt-6">
          <RecentActivity />
        </div>
      ) : null}
    </div>
  );
}
