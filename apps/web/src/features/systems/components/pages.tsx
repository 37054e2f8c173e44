import * as React from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FileText, Gavel } from 'lucide-react';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { useUrlListState } from '@/components/data-table';
import { api } from '@/lib/api';
import { usePermission } from '@/lib/auth';
import type { SysRow } from '../api';
import {
  applicationsUi,
  databasesUi,
  devicesUi,
  interconnectionsUi,
  ipUi,
  securityAssetsUi,
  subdomainsUi,
  thirdPartiesUi,
  type RegisterUi,
} from '../registers';
import type { SysSearch } from '../search';
import { MaintenancePanel, SlaPanel, SubdomainDecisionDialog } from './panels';
import { RegisterTable } from './register-table';

function Header({ def }: { def: RegisterUi }) {
  const { t } = useTranslation();
  return <PageHeader title={t(`systems.${def.key}.title`)} description={t(`systems.${def.key}.description`)} />;
}

export function ApplicationsPage() {
  const { t } = useTranslation();
  const canExport = usePermission('reports.export');
  return (
    <div>
      <Header def={applicationsUi} />
      <RegisterTable
        def={applicationsUi}
        toolbar={
          canExport ? (
            <Button variant="outline" asChild>
              <a href="/api/systems/register?format=pdf">
                <FileText />
                {t('systems.applications.registerPdf')}
              </a>
            </Button>
          ) : null
        }
      />
    </div>
  );
}

export function DevicesPage() {
  const canManage = usePermission('systems.manage');
  return (
    <div>
      <Header def={devicesUi} />
      <RegisterTable def={devicesUi} renderExpanded={(r) => <MaintenancePanel device={r} canManage={canManage} />} />
    </div>
  );
}

export function IpAddressesPage() {
  return (
    <div>
      <Header def={ipUi} />
      <RegisterTable def={ipUi} />
    </div>
  );
}

export function DomainsPage() {
  const { t } = useTranslation();
  const isDinas = usePermission('systems.infra');
  const tenant = useQuery({ queryKey: ['tenant'], queryFn: () => api.get<{ domain: string }>('/api/tenant'), retry: false });
  const [deciding, setDeciding] = React.useState<SysRow | null>(null);
  return (
    <div>
      <Header def={subdomainsUi} />
      {tenant.data ? (
        <p className="mb-4 text-sm">
          {t('systems.subdomains.officialDomain')}: <strong>{tenant.data.domain}</strong>
        </p>
      ) : null}
      <RegisterTable
        def={subdomainsUi}
        rowActions={(r) =>
          isDinas && r.status === 'requested' ? (
            <Button size="sm" variant="outline" onClick={() => setDeciding(r)}>
              <Gavel />
              {t('systems.subdomains.decide')}
            </Button>
          ) : null
        }
      />
      <SubdomainDecisionDialog row={deciding} onClose={() => setDeciding(null)} />
    </div>
  );
}

export function DatabasesPage() {
  return (
    <div>
      <Header def={databasesUi} />
      <RegisterTable def={databasesUi} />
    </div>
  );
}

export function ThirdPartiesPage() {
  const { t } = useTranslation();
  const canManage = usePermission('systems.manage');
  const [search, setSearch] = useUrlListState<SysSearch>();
  const tab = search.tab === 'interkoneksi' ? 'interkoneksi' : 'pihak';
  return (
    <div>
      <Header def={thirdPartiesUi} />
      <Tabs value={tab} onValueChange={(v) => setSearch({ tab: v === 'pihak' ? undefined : v, page: undefined, q: undefined, kind: undefined })}>
        <TabsList>
          <TabsTrigger value="pihak">{t('systems.thirdParties.tab')}</TabsTrigger>
          <TabsTrigger value="interkoneksi">{t('systems.interconnections.tab')}</TabsTrigger>
        </TabsList>
        <TabsContent value="pihak">
          <RegisterTable def={thirdPartiesUi} renderExpanded={(r) => <SlaPanel party={r} canManage={canManage} />} />
        </TabsContent>
        <TabsContent value="interkoneksi">
          <p className="mb-3 text-sm text-muted-foreground">{t('systems.interconnections.description')}</p>
          <RegisterTable def={interconnectionsUi} />
        </TabsContent>
      </Tabs>
    </div>
  );
}

export function SecurityAssetsPage() {
  return (
    <div>
      <Header def={securityAssetsUi} />
      <RegisterTable def={securityAssetsUi} />
    </div>
  );
}
