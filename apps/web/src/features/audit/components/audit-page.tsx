import * as React from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataTable, FilterSelect, FilterText, useUrlListState, type ColumnDef } from '@/components/data-table';
import { auditActionCodes, auditActionLabel, auditEntityCodes, auditEntityLabel } from '@/lib/audit-labels';
import { PageHeader } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { usePermission } from '@/lib/auth';
import { listQuery } from '@/lib/list-search';
import { formatDateTime } from '@/lib/utils';
import { auditApi, type AuditEntry } from '../api';
import type { AuditSearch } from '../search';
import { AuditDiff } from './audit-diff';
import { VerifyChain } from './verify-chain';

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const canVerify = usePermission('audit.verify');
  const [search, setSearch] = useUrlListState<AuditSearch>();
  const filters = { entity: search.entity, action: search.action, from: search.from, to: search.to };
  // The server orders by sequence only (newest first unless `seq asc`).
  const effective = { ...search, sort: 'seq', dir: search.sort === 'seq' && search.dir === 'asc' ? ('asc' as const) : ('desc' as const) };

  const list = useQuery({
    queryKey: ['audit', 'list', search],
    queryFn: () => auditApi.list({ ...listQuery(effective), ...filters }),
    placeholderData: keepPreviousData,
  });

  const columns = React.useMemo<ColumnDef<AuditEntry>[]>(() => [
    { id: 'seq', accessorKey: 'seq', header: '#', size: 70, cell: ({ row }) => <span className="font-mono text-xs">{row.original.seq}</span> },
    { id: 'at', accessorKey: 'at', header: t('audit.at'), enableSorting: false, cell: ({ row }) => <span className="whitespace-nowrap text-xs">{formatDateTime(row.original.at, i18n.language)}</span> },
    { id: 'actor', accessorKey: 'actorLabel', header: t('audit.actor'), enableSorting: false, cell: ({ row }) => row.original.actorLabel ?? t('audit.system') },
    { id: 'action', accessorKey: 'action', header: t('audit.action'), enableSorting: false, cell: ({ row }) => <Badge variant="outline" title={row.original.action}>{auditActionLabel(t, row.original.action)}</Badge> },
    {
      id: 'entity',
      accessorKey: 'entity',
      header: t('audit.entity'),
      enableSorting: false,
      cell: ({ row }) => (
        <div className="flex flex-col">
          <span>{auditEntityLabel(t, row.original.entity)}</span>
          {row.original.entityId ? <code className="text-[11px] text-muted-foreground">{row.original.entityId}</code> : null}
        </div>
      ),
    },
    { id: 'ip', accessorKey: 'ip', header: 'IP', enableSorting: false, cell: ({ row }) => <span className="font-mono text-xs">{row.original.ip ?? '—'}</span> },
  ], [t, i18n.language]);

  return (
    <div>
      <PageHeader title={t('audit.title')} description={t('audit.description')} actions={canVerify ? <VerifyChain /> : null} />
      <DataTable
        columns={columns}
        page={list.data}
        isLoading={list.isLoading}
        search={effective}
        onSearchChange={setSearch}
        searchPlaceholder={t('audit.searchPlaceholder')}
        getRowId={(e) => e.id}
        exportEndpoint="/api/audit"
        exportParams={filters}
        emptyText={t('audit.empty')}
        caption={t('audit.title')}
        renderExpanded={(e) => (
          <div className="flex flex-col gap-3">
            <AuditDiff before={e.before} after={e.after} />
            <p className="break-all font-mono text-[11px] text-muted-foreground">
              {t('audit.hash')}: {e.hash}
              {e.requestId ? ` · ${t('audit.requestId')}: ${e.requestId}` : ''}
            </p>
          </div>
        )}
        filters={
          <>
            <FilterSelect
              label={t('audit.entity')}
              value={search.entity}
              onChange={(v) => setSearch({ entity: v, page: undefined })}
              allLabel={t('audit.allEntities')}
              options={auditEntityCodes.map((c) => ({ value: c, label: auditEntityLabel(t, c) }))}
            />
            <FilterSelect
              label={t('audit.action')}
              value={search.action}
              onChange={(v) => setSearch({ action: v, page: undefined })}
              allLabel={t('audit.allActions')}
              options={auditActionCodes.map((c) => ({ value: c, label: auditActionLabel(t, c) }))}
            />
            <FilterText label={t('audit.from')} type="date" value={search.from} onChange={(v) => setSearch({ from: v, page: undefined })} />
            <FilterText label={t('audit.to')} type="date" value={search.to} onChange={(v) => setSearch({ to: v, page: undefined })} />
          </>
        }
      />
    </div>
  );
}
