import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ArrowLeft, Plus } from 'lucide-react';
import type { TUnit } from '@persada/shared';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { toast, useConfirm } from '@/components/form';
import { PageHeader } from '@/components/layout/page-header';
import { usePermission } from '@/lib/auth';
import { buildUnitTree, useUnitsOf } from '@/lib/lookups';
import { orgApi } from '../api';
import { UnitTree } from './unit-tree';
import { UnitFormDialog } from './unit-form-dialog';

function Info({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-sm font-medium">{value || '—'}</dd>
    </div>
  );
}

export function OpdDetailPage() {
  const { t } = useTranslation();
  const { opdId } = useParams({ strict: false }) as { opdId: string };
  const qc = useQueryClient();
  const confirm = useConfirm();
  const canManage = usePermission('org.manage');
  const opd = useQuery({ queryKey: ['opds', 'detail', opdId], queryFn: () => orgApi.opd(opdId) });
  const units = useUnitsOf(opdId);
  const tree = React.useMemo(() => buildUnitTree((units.data ?? []).filter((u) => !u.deletedAt)), [units.data]);
  const [dialog, setDialog] = React.useState<{ open: boolean; unit: TUnit | null; parentId: string | null }>({
    open: false,
    unit: null,
    parentId: null,
  });

  const remove = useMutation({
    mutationFn: (u: TUnit) => orgApi.deleteUnit(u.id),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['units', opdId] });
      void qc.invalidateQueries({ queryKey: ['opds'] });
      toast.success(t('unit.deleted'));
    },
  });

  const askDelete = async (u: TUnit) => {
    if (await confirm({ title: t('unit.deleteTitle', { name: u.name }), description: t('unit.deleteDescription') })) remove.mutate(u);
  };

  const o = opd.data;
  return (
    <div>
      <Button variant="ghost" size="sm" asChild className="mb-2 -ml-2">
        <Link to="/organisasi/opd">
          <ArrowLeft />
          {t('opd.backToList')}
        </Link>
      </Button>
      {opd.isLoading || !o ? (
        <Skeleton className="h-24 w-full" />
      ) : (
        <>
          <PageHeader
            title={o.name}
            description={`${o.code} · ${t(`enums.opdKind.${o.kind}`)}`}
            actions={o.deletedAt ? <Badge variant="destructive">{t('common.deleted')}</Badge> : null}
          />
          <Card className="mb-6">
            <CardContent className="p-5">
              <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
                <Info label={t('opd.shortName')} value={o.shortName} />
                <Info label={t('opd.head')} value={o.headName} />
                <Info label={t('common.email')} value={o.email} />
                <Info label={t('opd.isPersandianDinas')} value={o.isPersandianDinas ? t('common.yes') : t('common.no')} />
                <Info label={t('common.address')} value={o.address} />
                <Info label={t('opd.units')} value={o.unitCount} />
                <Info label={t('opd.people')} value={o.peopleCount} />
              </dl>
            </CardContent>
          </Card>
        </>
      )}
      <Card>
        <CardHeader className="flex-row items-start justify-between gap-3">
          <div>
            <CardTitle>{t('unit.title')}</CardTitle>
            <CardDescription>{t('unit.description')}</CardDescription>
          </div>
          {canManage && !o?.deletedAt ? (
            <Button size="sm" onClick={() => setDialog({ open: true, unit: null, parentId: null })}>
              <Plus />
              {t('unit.add')}
            </Button>
          ) : null}
        </CardHeader>
        <CardContent>
          {units.isLoading ? (
            <div className="flex flex-col gap-2">
              {[0, 1, 2].map((i) => (
                <Skeleton key={i} className="h-7 w-2/3" />
              ))}
            </div>
          ) : tree.length === 0 ? (
            <p className="py-6 text-center text-sm text-muted-foreground">{t('unit.empty')}</p>
          ) : (
            <UnitTree
              roots={tree}
              label={t('unit.title')}
              canManage={canManage && !o?.deletedAt}
              onAddChild={(p) => setDialog({ open: true, unit: null, parentId: p.id })}
              onEdit={(u) => setDialog({ open: true, unit: u, parentId: u.parentId })}
              onDelete={(u) => void askDelete(u)}
            />
          )}
        </CardContent>
      </Card>
      <UnitFormDialog
        open={dialog.open}
        onOpenChange={(open) => setDialog((d) => ({ ...d, open }))}
        opdId={opdId}
        unit={dialog.unit}
        parentId={dialog.parentId}
        tree={tree}
      />
    </div>
  );
}
