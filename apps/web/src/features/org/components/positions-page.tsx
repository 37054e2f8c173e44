import * as React from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Pencil, Plus, Trash2, UserPlus } from 'lucide-react';
import type { TPosition } from '@persada/shared';
import { DataTable, FilterSelect, useUrlListState, type ColumnDef } from '@/components/data-table';
import { PageHeader } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { toast, useConfirm } from '@/components/form';
import { usePermission } from '@/lib/auth';
import { listQuery, type ListSearch } from '@/lib/list-search';
import { useOpdOptions } from '@/lib/lookups';
import { formatDate } from '@/lib/utils';
import { useLatest } from '@/lib/use-latest';
import { orgApi } from '../api';
import { PositionFormDialog } from './position-form-dialog';
import { AssignHolderDialog } from './assign-holder-dialog';

type Search = ListSearch & { opdId?: string };

export function PositionsPage() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const confirm = useConfirm();
  const canManage = usePermission('org.manage');
  const [search, setSearch] = useUrlListState<Search>();
  const opds = useOpdOptions();
  const opdName = React.useMemo(() => new Map((opds.data ?? []).map((o) => [o.value, o.label])), [opds.data]);
  const [form, setForm] = React.useState<{ open: boolean; position: TPosition | null }>({ open: false, position: null });
  const [assign, setAssign] = React.useState<{ open: boolean; position: TPosition | null }>({ open: false, position: null });

  const list = useQuery({
    queryKey: ['positions', 'list', search],
    queryFn: () => orgApi.positions({ ...listQuery(search), opdId: search.opdId }),
    placeholderData: keepPreviousData,
  });

  const remove = useMutation({
    mutationFn: (p: TPosition) => orgApi.deletePosition(p.id),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['positions'] });
      toast.success(t('position.deleted'));
    },
  });

  const askDelete = async (p: TPosition) => {
    if (await confirm({ title: t('position.deleteTitle', { name: p.name }), description: t('position.deleteDescription') })) remove.mutate(p);
  };

  const h = useLatest({
    askDelete,
    assign: (p: TPosition) => setAssign({ open: true, position: p }),
    edit: (p: TPosition) => setForm({ open: true, position: p }),
  });

  const columns = React.useMemo<ColumnDef<TPosition>[]>(() => [
    {
      id: 'name',
      accessorKey: 'name',
      header: t('position.name'),
      cell: ({ row }) => (
        <div className="flex items-center gap-2">
          <span className="font-medium">{row.original.name}</span>
          {row.original.isHead ? <Badge variant="secondary">{t('position.headBadge')}</Badge> : null}
        </div>
      ),
    },
    { id: 'opd', header: t('common.opd'), enableSorting: false, cell: ({ row }) => opdName.get(row.original.opdId) ?? '—' },
    { id: 'kind', accessorKey: 'kind', header: t('position.kind'), enableSorting: false, cell: ({ row }) => t(`enums.positionKind.${row.original.kind}`) },
    {
      id: 'holderName',
      accessorKey: 'holderName',
      header: t('position.holder'),
      cell: ({ row }) => {
        const p = row.original;
        if (!p.holderName) return <span className="text-muted-foreground">{t('position.vacant')}</span>;
        return (
          <div className="flex flex-col">
            <span>
              {p.holderActing ? <Badge variant="warning" className="mr-1">Plt.</Badge> : null}
              {p.holderName}
            </span>
            {p.holderSince ? <span className="text-xs text-muted-foreground">{t('position.since', { date: formatDate(p.holderSince, i18n.language) })}</span> : null}
          </div>
        );
      },
    },
    {
      id: 'actions',
      enableSorting: false,
      header: () => <span className="sr-only">{t('common.actions')}</span>,
      cell: ({ row }) =>
        canManage ? (
          <div className="flex justify-end gap-1">
            <Button size="sm" variant="outline" onClick={() => h.current.assign(row.original)}>
              <UserPlus />
              {t('position.assign')}
            </Button>
            <Button size="icon" variant="ghost" aria-label={t('position.editNamed', { name: row.original.name })} onClick={() => h.current.edit(row.original)}>
              <Pencil />
            </Button>
            <Button size="icon" variant="ghost" aria-label={t('position.deleteNamed', { name: row.original.name })} onClick={() => void h.current.askDelete(row.original)}>
              <Trash2 className="text-destructive" />
            </Button>
          </div>
        ) : null,
    },
  ], [t, i18n.language, canManage, opdName, h]);

  return (
    <div>
      <PageHeader
        title={t('position.title')}
        description={t('position.description')}
        actions={
          canManage ? (
            <Button onClick={() => setForm({ open: true, position: null })}>
              <Plus />
              {t('position.add')}
            </Button>
          ) : null
        }
      />
      <DataTable
        columns={columns}
        page={list.data}
        isLoading={list.isLoading}
        search={search}
        onSearchChange={setSearch}
        searchPlaceholder={t('position.searchPlaceholder')}
        getRowId={(p) => p.id}
        emptyText={t('position.empty')}
        caption={t('position.title')}
        filters={
          <FilterSelect
            label={t('common.filterOpd')}
            value={search.opdId}
            onChange={(v) => setSearch({ opdId: v, page: undefined })}
            options={opds.data ?? []}
            allLabel={t('common.allOpds')}
          />
        }
      />
      <PositionFormDialog open={form.open} onOpenChange={(open) => setForm((f) => ({ ...f, open }))} position={form.position} defaultOpdId={search.opdId} />
      <AssignHolderDialog open={assign.open} onOpenChange={(open) => setAssign((a) => ({ ...a, open }))} position={assign.position} />
    </div>
  );
}
