import * as React from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ArchiveRestore, FileDown, Pencil, Plus, Printer, Trash2 } from 'lucide-react';
import type { TOpd } from '@persada/shared';
import { DataTable, useUrlListState, type ColumnDef } from '@/components/data-table';
import { PageHeader } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Label } from '@/components/ui/label';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from '@/components/ui/dropdown-menu';
import { toast, useConfirm } from '@/components/form';
import { usePermission } from '@/lib/auth';
import { listQuery, type ListSearch } from '@/lib/list-search';
import { useLatest } from '@/lib/use-latest';
import { officialsDocumentUrl, orgApi } from '../api';
import { OpdFormDialog } from './opd-form-dialog';

type Search = ListSearch & { includeDeleted?: boolean };

export function OfficialsDocumentMenu() {
  const { t } = useTranslation();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline">
          <Printer />
          {t('opd.printOfficials')}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        {(['pdf', 'docx', 'xlsx'] as const).map((f) => (
          <DropdownMenuItem key={f} asChild>
            <a href={officialsDocumentUrl(f)} download>
              <FileDown />
              {t(`opd.format.${f}`)}
            </a>
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

export function OpdListPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const confirm = useConfirm();
  const canManage = usePermission('org.manage');
  const canExport = usePermission('reports.export');
  const [search, setSearch] = useUrlListState<Search>();
  const [editing, setEditing] = React.useState<TOpd | null>(null);
  const [dialogOpen, setDialogOpen] = React.useState(false);

  const filters = { includeDeleted: search.includeDeleted ? true : undefined };
  const list = useQuery({
    queryKey: ['opds', 'list', search],
    queryFn: () => orgApi.opds({ ...listQuery(search), ...filters }),
    placeholderData: keepPreviousData,
  });

  const remove = useMutation({
    mutationFn: (o: TOpd) => orgApi.deleteOpd(o.id),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['opds'] });
      toast.success(t('opd.deleted'));
    },
  });
  const restore = useMutation({
    mutationFn: (o: TOpd) => orgApi.restoreOpd(o.id),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['opds'] });
      toast.success(t('opd.restored'));
    },
  });

  const askDelete = async (o: TOpd) => {
    const ok = await confirm({
      title: t('opd.deleteTitle', { name: o.name }),
      description: t('opd.deleteDescription'),
      confirmLabel: t('confirm.yesDelete'),
    });
    if (ok) remove.mutate(o);
  };

  const h = useLatest({
    askDelete,
    restore: (o: TOpd) => restore.mutate(o),
    edit: (o: TOpd) => {
      setEditing(o);
      setDialogOpen(true);
    },
  });

  const columns = React.useMemo<ColumnDef<TOpd>[]>(
    () => [
      { id: 'code', accessorKey: 'code', header: t('opd.code'), size: 110 },
      {
        id: 'name',
        accessorKey: 'name',
        header: t('opd.name'),
        cell: ({ row }) => (
          <div className="flex flex-col">
            <Link to="/organisasi/opd/$opdId" params={{ opdId: row.original.id }} className="font-medium text-primary hover:underline">
              {row.original.name}
            </Link>
            <span className="flex gap-1 text-xs text-muted-foreground">
              {row.original.shortName}
              {row.original.isPersandianDinas ? <Badge variant="secondary">{t('opd.persandianBadge')}</Badge> : null}
            </span>
          </div>
        ),
      },
      { id: 'kind', accessorKey: 'kind', header: t('opd.kind'), enableSorting: false, cell: ({ row }) => t(`enums.opdKind.${row.original.kind}`) },
      { id: 'headName', accessorKey: 'headName', header: t('opd.head'), enableSorting: false, cell: ({ row }) => row.original.headName ?? '—' },
      { id: 'unitCount', accessorKey: 'unitCount', header: t('opd.units'), enableSorting: false },
      { id: 'peopleCount', accessorKey: 'peopleCount', header: t('opd.people'), enableSorting: false },
      {
        id: 'actions',
        enableSorting: false,
        header: () => <span className="sr-only">{t('common.actions')}</span>,
        cell: ({ row }) => {
          const o = row.original;
          if (!canManage) return o.deletedAt ? <Badge variant="destructive">{t('common.deleted')}</Badge> : null;
          return o.deletedAt ? (
            <div className="flex items-center justify-end gap-2">
              <Badge variant="destructive">{t('common.deleted')}</Badge>
              <Button size="sm" variant="outline" onClick={() => h.current.restore(o)}>
                <ArchiveRestore />
                {t('common.restore')}
              </Button>
            </div>
          ) : (
            <div className="flex justify-end gap-1">
              <Button
                size="icon"
                variant="ghost"
                aria-label={t('opd.editNamed', { name: o.name })}
                onClick={() => h.current.edit(o)}
              >
                <Pencil />
              </Button>
              <Button size="icon" variant="ghost" aria-label={t('opd.deleteNamed', { name: o.name })} onClick={() => void h.current.askDelete(o)}>
                <Trash2 className="text-destructive" />
              </Button>
            </div>
          );
        },
      },
    ],
    [t, canManage, h],
  );

  return (
    <div>
      <PageHeader
        title={t('opd.title')}
        description={t('opd.description')}
        actions={
          <>
            {canExport ? <OfficialsDocumentMenu /> : null}
            {canManage ? (
              <Button
                onClick={() => {
                  setEditing(null);
                  setDialogOpen(true);
                }}
              >
                <Plus />
                {t('opd.add')}
              </Button>
            ) : null}
          </>
        }
      />
      <DataTable
        columns={columns}
        page={list.data}
        isLoading={list.isLoading}
        search={search}
        onSearchChange={setSearch}
        searchPlaceholder={t('opd.searchPlaceholder')}
        getRowId={(o) => o.id}
        rowClassName={(o) => (o.deletedAt ? 'opacity-60' : undefined)}
        exportEndpoint={canExport ? '/api/opds' : undefined}
        exportParams={filters}
        emptyText={t('opd.empty')}
        caption={t('opd.title')}
        filters={
          canManage ? (
            <div className="flex h-9 items-center gap-2">
              <Checkbox
                id="opd-include-deleted"
                checked={!!search.includeDeleted}
                onCheckedChange={(v) => setSearch({ includeDeleted: v === true ? true : undefined, page: undefined })}
              />
              <Label htmlFor="opd-include-deleted" className="font-normal">
                {t('common.showDeleted')}
              </Label>
            </div>
          ) : null
        }
      />
      <OpdFormDialog open={dialogOpen} onOpenChange={setDialogOpen} opd={editing} />
    </div>
  );
}
