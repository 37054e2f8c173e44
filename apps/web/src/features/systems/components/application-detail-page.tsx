import * as React from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ArrowLeft, Pencil } from 'lucide-react';
import { PageHeader } from '@/components/layout/page-header';
import { ComplianceLinks } from '@/components/compliance-links';
import { RisksOnAsset } from '@/components/record-links';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { usePermission } from '@/lib/auth';
import { sysApi } from '../api';
import { applicationsUi } from '../registers';
import { CategorizationTab } from './categorization-tab';
import { CategoryBadge } from './register-table';
import { RegisterFormDialog } from './register-form-dialog';
import { TechDocsTab } from './tech-docs-tab';

function Info({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-sm font-medium whitespace-pre-line">{value === null || value === undefined || value === '' ? '—' : value}</dd>
    </div>
  );
}

/** One application: its data, categorization history and technical documentation (D4, D9, D12). */
export function ApplicationDetailPage() {
  const { t } = useTranslation();
  const { appId } = useParams({ strict: false }) as { appId: string };
  const canManage = usePermission('systems.manage');
  const [editing, setEditing] = React.useState(false);
  const app = useQuery({ queryKey: ['systems', 'applications', 'detail', appId], queryFn: () => sysApi.get('applications', appId) });
  const a = app.data;
  const yn = (v: unknown) => (v ? t('systems.common.yes') : t('systems.common.no'));

  return (
    <div>
      <Link to="/sistem/aplikasi" className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" />
        {t('systems.applications.back')}
      </Link>
      {!a ? (
        <Skeleton className="h-40 w-full" />
      ) : (
        <>
          <PageHeader
            title={a.name}
            description={`${a.opdName} · ${t(`systems.enums.appKind.${a.kind}`)}`}
            actions={
              <div className="flex items-center gap-2">
                <CategoryBadge category={a.category} score={a.score} />
                <Badge variant="outline">{t(`systems.enums.appStatus.${a.status}`)}</Badge>
                {canManage && !a.deletedAt ? (
                  <Button variant="outline" onClick={() => setEditing(true)}>
                    <Pencil />
                    {t('systems.common.edit')}
                  </Button>
                ) : null}
              </div>
            }
          />
          <Tabs defaultValue="data">
            <TabsList>
              <TabsTrigger value="data">{t('systems.applications.tabData')}</TabsTrigger>
              <TabsTrigger value="categorization">{t('systems.applications.tabCategorization')}</TabsTrigger>
              <TabsTrigger value="docs">{t('systems.applications.tabDocs')}</TabsTrigger>
            </TabsList>
            <TabsContent value="data">
              <Card>
                <CardContent className="pt-6">
                  {!a.hostedInDataCentre ? (
                    <p role="note" className="mb-4 rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-sm">
                      {t('systems.applications.hostingWarning')}
                    </p>
                  ) : null}
                  <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                    <Info label={t('systems.fields.purpose')} value={a.purpose} />
                    <Info label={t('systems.fields.dataClassification')} value={t(`systems.enums.classification.${a.dataClassification}`)} />
                    <Info label={t('systems.fields.url')} value={a.url} />
                    <Info label={t('systems.fields.usersInternal')} value={yn(a.usersInternal)} />
                    <Info label={t('systems.fields.usersPublic')} value={yn(a.usersPublic)} />
                    <Info label={t('systems.fields.ssoIntegrated')} value={yn(a.ssoIntegrated)} />
                    <Info label={t('systems.fields.hostedInDataCentre')} value={yn(a.hostedInDataCentre)} />
                    <Info label={t('systems.fields.hostingNote')} value={a.hostingNote} />
                    <Info label={t('systems.fields.certificate')} value={a.certificate} />
                    <Info label={t('systems.fields.interoperability')} value={a.interoperability} />
                    <Info label={t('systems.fields.techDocsComplete')} value={`${a.techDocsComplete ?? 0}%`} />
                  </dl>
                </CardContent>
              </Card>
            </TabsContent>
            <TabsContent value="categorization">
              <CategorizationTab appId={appId} canManage={canManage && !a.deletedAt} />
            </TabsContent>
            <TabsContent value="docs">
              <TechDocsTab appId={appId} canManage={canManage && !a.deletedAt} />
            </TabsContent>
          </Tabs>
          <div className="mt-4 grid gap-4 lg:grid-cols-2">
            <RisksOnAsset entity="sys_application" id={appId} />
            <ComplianceLinks entity="sys_application" id={appId} />
          </div>
          <RegisterFormDialog def={applicationsUi} open={editing} onOpenChange={setEditing} row={a} />
        </>
      )}
    </div>
  );
}
