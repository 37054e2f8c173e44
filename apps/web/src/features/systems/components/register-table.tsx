import * as React from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ArchiveRestore, Pencil, Plus, Trash2 } from 'lucide-react';
import { DataTable, FilterSelect, useUrlListState, type ColumnDef } from '@/components/data-table';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Label } from '@/components/ui/label';
import { toast, useConfirm } from '@/components/form';
import { usePermission } from '@/lib/auth';
import { errorText } from '@/lib/api';
import { listQuery } from '@/lib/list-search';
import { useOpdOptions } from '@/lib/lookups';
import { useLatest } from '@/lib/use-latest';
import { formatDate } from '@/lib/utils';
import { sysApi, type SysRow } from '../api';
import type { ColDef, RegisterUi } from '../registers';
import type { SysSearch } from '../search';
import { RegisterFormDialog } from './register-form-dialog';

export function CategoryBadge({ category, score }: { category?: string | null; score?: number | null }) {
  const { t } = useTranslation();
  if (!category) return <span className="text-muted-foreground">{t('systems.categorization.none')}</span>;
  const variant = category === 'strategis' ? 'destructive' : category === 'tinggi' ? 'warning' : 'success';
  return (
    <Badge variant={variant}>
      {t(`systems.enums.category.${category}`)}
      {score != null ? ` · ${score}` : ''}
    </Badge>
  );
}

/** The list of one register: search, filters, export, add/edit/delete/restore. */
export function RegisterTable({
  def,
  renderExpanded,
  rowActions,
  toolbar,
}: {
  def: RegisterUi;
  renderExpanded?: (row: SysRow) => React.ReactNode;
  rowActions?: (row: SysRow) => React.ReactNode;
  toolbar?: React.ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const confirm = useConfirm();
  const canManage = usePermission(def.manage);
  const canExport = usePermission('reports.export');
  const [search, setSearch] = useUrlListState<SysSearch>();
  const opds = useOpdOptions();
  const [dialog, setDialog] = React.useState<{ open: boolean; row: SysRow | null }>({ open: false, row: null });

  const filters: Record<string, string | boolean | undefined> = { opdId: search.opdId, includeDeleted: search.includeDeleted ? true : undefined };
  for (const f of def.filters ?? []) filters[f.key] = (search as Record<string, string | undefined>)[f.key];
  const list = useQuery({
    queryKey: ['systems', def.path, 'list', search],
    queryFn: () => sysApi.list(def.path, { ...listQuery(search), ...filters }),
    placeholderData: keepPreviousData,
  });

  const invalidate = () => void qc.invalidateQueries({ queryKey: ['systems'] });
  const remove = useMutation({
    mutationFn: (r: SysRow) => sysApi.remove(def.path, r.id),
    onSuccess: () => {
      invalidate();
      toast.success(t('systems.common.deleted'));
    },
  });
  const restore = useMutation({
    mutationFn: (r: SysRow) => sysApi.restore(def.path, r.id),
    onSuccess: () => {
      invalidate();
      toast.success(t('systems.common.restored'));
    },
    onError: (e) => toast.error(errorText(e)),
  });
  const askDelete = async (r: SysRow) => {
    const ok = await confirm({
      title: t('systems.common.deleteTitle', { name: String(r[def.nameField] ?? '') }),
      description: t('systems.common.deleteDescription'),
      confirmLabel: t('confirm.yesDelete'),
    });
    if (ok) remove.mutate(r);
  };
  const h = useLatest({ askDelete, restore: (r: SysRow) => restore.mutate(r), edit: (r: SysRow) => setDialog({ open: true, row: r }), rowActions });

  const cell = React.useCallback(
    (c: ColDef, r: SysRow): React.ReactNode => {
      const v = r[c.key];
      switch (c.kind) {
        case 'name':
          return (
            <Link to="/sistem/aplikasi/$appId" params={{ appId: r.id }} className="font-medium text-primary hover:underline">
              {String(v)}
            </Link>
          );
        case 'enum':
          return v == null ? '—' : t(`systems.enums.${c.enumName}.${v}`);
        case 'bool':
          return v ? <Badge variant="success">{t('systems.common.yes')}</Badge> : <Badge variant="outline">{t('systems.common.no')}</Badge>;
        case 'date':
          return v ? formatDate(String(v), i18n.language) : '—';
        case 'category':
          return <CategoryBadge category={r.category} score={r.score} />;
        case 'percent':
          return `${v ?? 0}%`;
        default:
          return v == null || v === '' ? '—' : String(v);
      }
    },
    [t, i18n.language],
  );

  const columns = React.useMemo<ColumnDef<SysRow>[]>(
    () => [
      ...def.columns.map<ColumnDef<SysRow>>((c) => ({
        id: c.key,
        accessorKey: c.key,
        header: t(`systems.fields.${c.key}`),
        enableSorting: !!c.sortable,
        cell: ({ row }) => cell(c, row.original),
      })),
      {
        id: 'actions',
        enableSorting: false,
        header: () => <span className="sr-only">{t('common.actions')}</span>,
        cell: ({ row }) => {
          const r = row.original;
          const name = String(r[def.nameField] ?? '');
          if (r.deletedAt) {
            return (
              <div className="flex items-center justify-end gap-2">
                <Badge variant="destructive">{t('common.deleted')}</Badge>
                {canManage ? (
                  <Button size="sm" variant="outline" onClick={() => h.current.restore(r)}>
                    <ArchiveRestore />
                    {t('common.restore')}
                  </Button>
                ) : null}
              </div>
            );
          }
          return (
            <div className="flex justify-end gap-1">
              {h.current.rowActions?.(r)}
              {canManage ? (
                <>
                  <Button size="icon" variant="ghost" aria-label={t('systems.common.editNamed', { name })} onClick={() => h.current.edit(r)}>
                    <Pencil />
                  </Button>
                  <Button size="icon" variant="ghost" aria-label={t('systems.common.deleteNamed', { name })} onClick={() => void h.current.askDelete(r)}>
                    <Trash2 className="text-destructive" />
                  </Button>
                </>
              ) : null}
            </div>
          );
        },
      },
    ],
    [def, t, cell, canManage, h],
  );

  return (
    <div>
      <DataTable
        columns={columns}
        page={list.data}
        isLoading={list.isLoading}
        search={search}
        onSearchChange={setSearch}
        searchPlaceholder={t('systems.common.searchPlaceholder')}
        getRowId={(r) => r.id}
        rowClassName={(r) => (r.deletedAt ? 'opacity-60' : undefined)}
        exportEndpoint={canExport ? `/api/systems/${def.path}` : undefined}
        exportParams={filters}
        emptyText={t(`systems.${def.key}.empty`)}
        caption={t(`systems.${def.key}.title`)}
        renderExpanded={renderExpanded}
        actions={
          <>
            {toolbar}
            {canManage ? (
              <Button onClick={() => setDialog({ open: true, row: null })}>
                <Plus />
                {t(`systems.${def.key}.add`)}
              </Button>
            ) : null}
          </>
        }
        filters={
          <>
            <FilterSelect
              label={t('common.filterOpd')}
              value={search.opdId}
              onChange={(v) => setSearch({ opdId: v, page: undefined })}
              options={opds.data ?? []}
              allLabel={t('common.allOpds')}
            />
            {(def.filters ?? []).map((f) => (
              <FilterSelect
                key={f.key}
                label={t(`systems.fields.${f.key}`)}
                value={(search as Record<string, string | undefined>)[f.key]}
                onChange={(v) => setSearch({ [f.key]: v, page: undefined } as Partial<SysSearch>)}
                options={f.values.map((v) => ({ value: v, label: t(`systems.enums.${f.enumName}.${v}`) }))}
                allLabel={t('common.all')}
              />
            ))}
            {canManage ? (
              <div className="flex h-9 items-center gap-2">
                <Checkbox
                  id={`${def.path}-include-deleted`}
                  checked={!!search.includeDeleted}
                  onCheckedChange={(v) => setSearch({ includeDeleted: v === true ? true : undefined, page: undefined })}
                />
                <Label htmlFor={`${def.path}-include-deleted`} className="font-normal">
                  {t('common.showDeleted')}
                </Label>
              </div>
            ) : null}
          </>
        }
      />
      <RegisterFormDialog def={def} open={dialog.open} onOpenChange={(open) => setDialog((d) => ({ ...d, open }))} row={dialog.row} defaultOpdId={search.opdId} />
    </div>
  );
}
