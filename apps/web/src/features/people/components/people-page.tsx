import * as React from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ArchiveRestore, Pencil, Plus, Trash2 } from 'lucide-react';
import type { TPerson } from '@persada/shared';
import { DataTable, FilterSelect, useUrlListState, type ColumnDef } from '@/components/data-table';
import { PageHeader } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Label } from '@/components/ui/label';
import { toast, useConfirm } from '@/components/form';
import { usePermission } from '@/lib/auth';
import { listQuery } from '@/lib/list-search';
import { personDisplayName, useOpdOptions } from '@/lib/lookups';
import { useLatest } from '@/lib/use-latest';
import { peopleApi, personKinds } from '../api';
import type { PeopleSearch } from '../search';
import { PersonFormDialog } from './person-form-dialog';

export function PeoplePage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const confirm = useConfirm();
  const canManage = usePermission('people.manage');
  const canExport = usePermission('reports.export');
  const [search, setSearch] = useUrlListState<PeopleSearch>();
  const opds = useOpdOptions();
  const [dialog, setDialog] = React.useState<{ open: boolean; person: TPerson | null }>({ open: false, person: null });

  const filters = { opdId: search.opdId, kind: search.kind, includeDeleted: search.includeDeleted ? true : undefined };
  const list = useQuery({
    queryKey: ['people', 'list', search],
    queryFn: () => peopleApi.list({ ...listQuery(search), ...filters }),
    placeholderData: keepPreviousData,
  });

  const invalidate = () => {
    void qc.invalidateQueries({ queryKey: ['people'] });
    void qc.invalidateQueries({ queryKey: ['opds'] });
  };
  const remove = useMutation({
    mutationFn: (p: TPerson) => peopleApi.remove(p.id),
    onSuccess: () => {
      invalidate();
      toast.success(t('person.deleted'));
    },
  });
  const restore = useMutation({
    mutationFn: (p: TPerson) => peopleApi.restore(p.id),
    onSuccess: () => {
      invalidate();
      toast.success(t('person.restored'));
    },
  });

  const askDelete = async (p: TPerson) => {
    const ok = await confirm({
      title: t('person.deleteTitle', { name: personDisplayName(p) }),
      description: t('person.deleteDescription'),
      confirmLabel: t('confirm.yesDelete'),
    });
    if (ok) remove.mutate(p);
  };

  const h = useLatest({
    askDelete,
    restore: (p: TPerson) => restore.mutate(p),
    edit: (p: TPerson) => setDialog({ open: true, person: p }),
  });

  const columns = React.useMemo<ColumnDef<TPerson>[]>(() => [
    {
      id: 'fullName',
      accessorKey: 'fullName',
      header: t('person.name'),
      cell: ({ row }) => (
        <div className="flex flex-col">
          <span className="font-medium">{personDisplayName(row.original)}</span>
          <span className="text-xs text-muted-foreground">{row.original.email}</span>
        </div>
      ),
    },
    {
      id: 'nip',
      accessorKey: 'nip',
      header: t('person.idNumber'),
      cell: ({ row }) => (
        <span className="font-mono text-xs">{row.original.nip ? `NIP ${row.original.nip}` : row.original.nik ? `NIK ${row.original.nik}` : '—'}</span>
      ),
    },
    { id: 'kind', accessorKey: 'kind', header: t('person.kind'), enableSorting: false, cell: ({ row }) => t(`enums.personKind.${row.original.kind}`) },
    { id: 'opdName', accessorKey: 'opdName', header: t('common.opd'), cell: ({ row }) => row.original.opdName ?? '—' },
    { id: 'positionName', accessorKey: 'positionName', header: t('person.position'), enableSorting: false, cell: ({ row }) => row.original.positionName ?? '—' },
    {
      id: 'hasUser',
      header: t('person.account'),
      enableSorting: false,
      cell: ({ row }) => (row.original.hasUser ? <Badge variant="success">{t('person.hasAccount')}</Badge> : <span className="text-muted-foreground">—</span>),
    },
    {
      id: 'actions',
      enableSorting: false,
      header: () => <span className="sr-only">{t('common.actions')}</span>,
      cell: ({ row }) => {
        const p = row.original;
        if (p.deletedAt) {
          return (
            <div className="flex items-center justify-end gap-2">
              <Badge variant="destructive">{t('common.deleted')}</Badge>
              {canManage ? (
                <Button size="sm" variant="outline" onClick={() => h.current.restore(p)}>
                  <ArchiveRestore />
                  {t('common.restore')}
                </Button>
              ) : null}
            </div>
          );
        }
        if (!canManage) return null;
        return (
          <div className="flex justify-end gap-1">
            <Button size="icon" variant="ghost" aria-label={t('person.editNamed', { name: p.fullName })} onClick={() => h.current.edit(p)}>
              <Pencil />
            </Button>
            <Button size="icon" variant="ghost" aria-label={t('person.deleteNamed', { name: p.fullName })} onClick={() => void h.current.askDelete(p)}>
              <Trash2 className="text-destructive" />
            </Button>
          </div>
        );
      },
    },
  ], [t, canManage, h]);

  return (
    <div>
      <PageHeader
        title={t('person.title')}
        description={t('person.description')}
        actions={
          canManage ? (
            <Button onClick={() => setDialog({ open: true, person: null })}>
              <Plus />
              {t('person.add')}
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
        searchPlaceholder={t('person.searchPlaceholder')}
        getRowId={(p) => p.id}
        rowClassName={(p) => (p.deletedAt ? 'opacity-60' : undefined)}
        exportEndpoint={canExport ? '/api/people' : undefined}
        exportParams={filters}
        emptyText={t('person.empty')}
        caption={t('person.title')}
        filters={
          <>
            <FilterSelect
              label={t('common.filterOpd')}
              value={search.opdId}
              onChange={(v) => setSearch({ opdId: v, page: undefined })}
              options={opds.data ?? []}
              allLabel={t('common.allOpds')}
            />
            <FilterSelect
              label={t('person.filterKind')}
              value={search.kind}
              onChange={(v) => setSearch({ kind: v as PeopleSearch['kind'], page: undefined })}
              options={personKinds.map((k) => ({ value: k, label: t(`enums.personKind.${k}`) }))}
              allLabel={t('common.all')}
            />
            {canManage ? (
              <div className="flex h-9 items-center gap-2">
                <Checkbox
                  id="people-include-deleted"
                  checked={!!search.includeDeleted}
                  onCheckedChange={(v) => setSearch({ includeDeleted: v === true ? true : undefined, page: undefined })}
                />
                <Label htmlFor="people-include-deleted" className="font-normal">
                  {t('common.showDeleted')}
                </Label>
              </div>
            ) : null}
          </>
        }
      />
      <PersonFormDialog
        open={dialog.open}
        onOpenChange={(open) => setDialog((d) => ({ ...d, open }))}
        person={dialog.person}
        defaultOpdId={search.opdId}
      />
    </div>
  );
}
