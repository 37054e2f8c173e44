import * as React from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Plus } from 'lucide-react';
import type { TRisk } from '@persada/shared';
import { DataTable, FilterSelect, useUrlListState, type ColumnDef } from '@/components/data-table';
import { PageHeader } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { usePermission } from '@/lib/auth';
import { listQuery } from '@/lib/list-search';
import { useOpdOptions } from '@/lib/lookups';
import { currentYear, risksApi } from '../api';
import type { RiskSearch } from '../search';
import { LevelBadge } from './level-badge';
import { RiskFormDialog } from './risk-form-dialog';
import { ApprovalBadge, RisksTabs } from './shared';

/** /risiko — the risk register with filters held in the URL. */
export function RiskListPage() {
  const { t } = useTranslation();
  const canManage = usePermission('risks.manage');
  const canExport = usePermission('reports.export');
  const [search, setSearch] = useUrlListState<RiskSearch>();
  const [open, setOpen] = React.useState(false);
  const opds = useOpdOptions();
  const settings = useQuery({ queryKey: ['risk-settings'], queryFn: risksApi.settings, staleTime: 60_000 });

  const filters = {
    opdId: search.opdId,
    year: search.year,
    level: search.level,
    needsTreatment: search.needsTreatment == null ? undefined : String(search.needsTreatment),
    approvalStatus: search.approvalStatus,
    likelihood: search.likelihood,
    impact: search.impact,
    includeDeleted: search.includeDeleted ? 'true' : undefined,
  };
  const list = useQuery({
    queryKey: ['risks', 'list', search],
    queryFn: () => risksApi.risks({ ...listQuery(search), ...filters }),
    placeholderData: keepPreviousData,
  });

  const columns = React.useMemo<ColumnDef<TRisk>[]>(
    () => [
      { id: 'priority', header: t('risks.priority'), enableSorting: false, size: 70, cell: ({ row }) => row.original.priority },
      {
        id: 'event',
        accessorKey: 'event',
        header: t('risks.event'),
        cell: ({ row }) => (
          <div className="flex flex-col">
            <Link to="/risiko/$riskId" params={{ riskId: row.original.id }} className="font-medium text-primary hover:underline">
              {row.original.event}
            </Link>
            <span className="text-xs text-muted-foreground">
              {row.original.code} · {row.original.categoryName} · {row.original.assetName}
              {row.original.threat ? ` · ${row.original.threat}` : ''}
            </span>
          </div>
        ),
      },
      {
        id: 'opd',
        accessorKey: 'opdName',
        header: t('risks.opd'),
        cell: ({ row }) => (
          <span className="block max-w-56 text-xs">
            {row.original.opdName} ({row.original.year})
          </span>
        ),
      },
      { id: 'inherent', header: t('risks.inherent'), cell: ({ row }) => <LevelBadge rating={row.original.inherent} compact /> },
      { id: 'score', header: t('risks.current'), cell: ({ row }) => <LevelBadge rating={row.original.current} /> },
      { id: 'residual', header: t('risks.residual'), enableSorting: false, cell: ({ row }) => <LevelBadge rating={row.original.residual} compact /> },
      {
        id: 'needs',
        header: t('risks.needsTreatment'),
        enableSorting: false,
        cell: ({ row }) => (row.original.needsTreatment ? <Badge variant="destructive">{t('common.yes')}</Badge> : <Badge variant="secondary">{t('common.no')}</Badge>),
      },
      { id: 'approval', header: t('risks.approval.title'), enableSorting: false, cell: ({ row }) => <ApprovalBadge status={row.original.approvalStatus} /> },
    ],
    [t],
  );

  const years = Array.from({ length: 6 }, (_, k) => currentYear() + 1 - k);
  return (
    <div>
      <PageHeader
        title={t('risks.title')}
        description={t('risks.description')}
        actions={
          canManage ? (
            <Button onClick={() => setOpen(true)}>
              <Plus />
              {t('risks.add')}
            </Button>
          ) : null
        }
      />
      <RisksTabs />
      <DataTable
        columns={columns}
        page={list.data}
        isLoading={list.isLoading}
        search={search}
        onSearchChange={setSearch}
        searchPlaceholder={t('risks.searchPlaceholder')}
        getRowId={(r) => r.id}
        rowClassName={(r) => (r.deletedAt ? 'opacity-60' : undefined)}
        exportEndpoint={canExport ? '/api/risks' : undefined}
        exportParams={filters}
        emptyText={t('risks.empty')}
        caption={t('risks.title')}
        filters={
          <div className="flex flex-wrap items-end gap-2">
            <FilterSelect
              label={t('common.filterOpd')}
              value={search.opdId}
              onChange={(v) => setSearch({ opdId: v, page: undefined })}
              options={(opds.data ?? []).map((o) => ({ value: o.value, label: o.label }))}
              allLabel={t('common.allOpds')}
            />
            <FilterSelect
              label={t('risks.period')}
              value={search.year ? String(search.year) : undefined}
              onChange={(v) => setSearch({ year: v ? Number(v) : undefined, page: undefined })}
              options={years.map((y) => ({ value: String(y), label: String(y) }))}
              allLabel={t('common.all')}
              className="flex flex-col gap-1 [&_select]:sm:w-28"
            />
            <FilterSelect
              label={t('risks.level')}
              value={search.level}
              onChange={(v) => setSearch({ level: v, page: undefined })}
              options={(settings.data?.levels ?? []).map((l) => ({ value: l.code, label: l.name }))}
              allLabel={t('common.all')}
              className="flex flex-col gap-1 [&_select]:sm:w-36"
            />
            <FilterSelect
              label={t('risks.needsTreatment')}
              value={search.needsTreatment == null ? undefined : String(search.needsTreatment)}
              onChange={(v) => setSearch({ needsTreatment: v == null ? undefined : v === 'true', page: undefined })}
              options={[
                { value: 'true', label: t('common.yes') },
                { value: 'false', label: t('common.no') },
              ]}
              allLabel={t('common.all')}
              className="flex flex-col gap-1 [&_select]:sm:w-28"
            />
            <FilterSelect
              label={t('risks.approval.title')}
              value={search.approvalStatus}
              onChange={(v) => setSearch({ approvalStatus: v, page: undefined })}
              options={(['belum', 'setuju', 'tidak_setuju'] as const).map((s) => ({ value: s, label: t(`risks.approval.${s}`) }))}
              allLabel={t('common.all')}
              className="flex flex-col gap-1 [&_select]:sm:w-36"
            />
            {search.likelihood && search.impact ? (
              <Button variant="outline" size="sm" className="h-9" onClick={() => setSearch({ likelihood: undefined, impact: undefined, page: undefined })}>
                {t('risks.cellFilter', { l: search.likelihood, i: search.impact })} ✕
              </Button>
            ) : null}
          </div>
        }
      />
      <RiskFormDialog open={open} onOpenChange={setOpen} risk={null} />
    </div>
  );
}
