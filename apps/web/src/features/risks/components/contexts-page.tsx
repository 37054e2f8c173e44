import * as React from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Copy, FileDown, Pencil, Plus, Trash2 } from 'lucide-react';
import type { TRiskContext } from '@persada/shared';
import { DataTable, FilterSelect, useUrlListState, type ColumnDef } from '@/components/data-table';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from '@/components/ui/dropdown-menu';
import { Input } from '@/components/ui/input';
import { Form, FormDialogFooter, SelectField, TextField, TextareaField, toast, useConfirm } from '@/components/form';
import { usePermission } from '@/lib/auth';
import { applyServerErrors } from '@/lib/form-errors';
import { listQuery, type ListSearch } from '@/lib/list-search';
import { personDisplayName, useOpdOptions, usePeopleOptions } from '@/lib/lookups';
import { useLatest } from '@/lib/use-latest';
import { currentYear, formsUrl, risksApi } from '../api';
import { RisksTabs } from './shared';

type Search = ListSearch & { opdId?: string; year?: number };
type Values = Record<string, any>;

const toForm = (c: TRiskContext | null, defaultAppetite: number): Values => ({
  opdId: c?.opdId ?? '',
  year: String(c?.year ?? currentYear()),
  tasks: c?.tasks ?? '',
  objectives: c?.objectives ?? '',
  scope: c?.scope ?? '',
  stakeholders: c?.stakeholders ?? '',
  regulations: c?.regulations ?? '',
  ownerPersonId: c?.ownerPersonId ?? '',
  ownerPosition: c?.ownerPosition ?? '',
  appetiteDefault: String(c?.appetiteDefault ?? defaultAppetite),
  appetite: Object.fromEntries(Object.entries(c?.appetite ?? {}).map(([k, v]) => [k, String(v)])),
});

/** Create or edit the context (Form 2.0) of one UPR and period, with the risk appetite per category. */
function ContextFormDialog({ open, onOpenChange, context }: { open: boolean; onOpenChange: (o: boolean) => void; context: TRiskContext | null }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const opds = useOpdOptions(open);
  const settings = useQuery({ queryKey: ['risk-settings'], queryFn: risksApi.settings, staleTime: 60_000, enabled: open });
  const form = useForm<Values>({ defaultValues: toForm(context, 10) });
  React.useEffect(() => {
    if (open) form.reset(toForm(context, settings.data?.defaultAppetite ?? 10));
  }, [open, context, form, settings.data?.defaultAppetite]);
  const opdId = useWatch({ control: form.control, name: 'opdId' });
  const people = usePeopleOptions({ opdId: opdId || null, enabled: open && !!opdId });
  const save = useMutation({
    mutationFn: (v: Values) => {
      const appetite = Object.fromEntries(Object.entries(v.appetite ?? {}).filter(([, x]) => x !== '' && x != null).map(([k, x]) => [k, Number(x)]));
      const body = { ...v, year: Number(v.year), appetiteDefault: Number(v.appetiteDefault), ownerPersonId: v.ownerPersonId || null, appetite } as any;
      return context ? risksApi.updateContext(context.id, body) : risksApi.createContext(body);
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['risk-contexts'] });
      void qc.invalidateQueries({ queryKey: ['risks'] });
      toast.success(t('risks.context.saved'));
      onOpenChange(false);
    },
    onError: (e) => applyServerErrors(e, form.setError as any),
  });
  return (
    <Dialog open={open} onOpenChange={(o) => !save.isPending && onOpenChange(o)}>
      <DialogContent size="xl" className="max-h-[92vh] overflow-y-auto">
        <DialogHeader>
          <DialogTitle>{context ? t('risks.context.editTitle') : t('risks.context.createTitle')}</DialogTitle>
          <DialogDescription>{t('risks.context.help')}</DialogDescription>
        </DialogHeader>
        <Form form={form} onSubmit={(v) => save.mutate(v)}>
          <div className="grid gap-4 sm:grid-cols-3">
            <SelectField name="opdId" label={t('risks.context.upr')} required placeholder={t('common.chooseOpd')} options={opds.data ?? []} className="sm:col-span-2" />
            <TextField name="year" label={t('risks.period')} type="text" inputMode="numeric" required />
            <TextareaField name="tasks" label={t('risks.context.tasks')} rows={2} className="sm:col-span-3" />
            <TextareaField name="objectives" label={t('risks.context.objectives')} rows={2} className="sm:col-span-3" />
            <TextareaField name="scope" label={t('risks.context.scope')} rows={2} className="sm:col-span-3" />
            <TextareaField name="stakeholders" label={t('risks.context.stakeholders')} rows={2} className="sm:col-span-3" />
            <TextareaField name="regulations" label={t('risks.context.regulations')} rows={2} className="sm:col-span-3" />
            <SelectField
              name="ownerPersonId"
              label={t('risks.context.owner')}
              placeholder={t('risks.form.none')}
              options={(people.data ?? []).map((p) => ({ value: p.id, label: personDisplayName(p) }))}
              className="sm:col-span-2"
            />
            <TextField name="ownerPosition" label={t('risks.context.ownerPosition')} />
          </div>
          <fieldset className="rounded-md border p-3">
            <legend className="px-1 text-sm font-semibold">{t('risks.context.appetite')}</legend>
            <p className="mb-3 text-xs text-muted-foreground">{t('risks.context.appetiteHelp')}</p>
            <div className="grid gap-3 sm:grid-cols-3">
              <TextField name="appetiteDefault" label={t('risks.context.appetiteDefault')} inputMode="numeric" required />
              {(settings.data?.categories ?? []).map((c) => (
                <TextField key={c.code} name={`appetite.${c.code}`} label={c.name} inputMode="numeric" placeholder={t('risks.context.appetiteInherit')} />
              ))}
            </div>
          </fieldset>
          <FormDialogFooter pending={save.isPending} onCancel={() => onOpenChange(false)} />
        </Form>
      </DialogContent>
    </Dialog>
  );
}

function CloneDialog({ context, onOpenChange }: { context: TRiskContext | null; onOpenChange: (o: boolean) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [year, setYear] = React.useState('');
  React.useEffect(() => setYear(context ? String(context.year + 1) : ''), [context]);
  const clone = useMutation({
    mutationFn: () => risksApi.cloneContext(context!.id, Number(year)),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: ['risk-contexts'] });
      void qc.invalidateQueries({ queryKey: ['risks'] });
      toast.success(t('risks.context.cloned', { year: c.year, count: c.riskCount }));
      onOpenChange(false);
    },
  });
  return (
    <Dialog open={!!context} onOpenChange={(o) => !clone.isPending && onOpenChange(o)}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t('risks.context.cloneTitle')}</DialogTitle>
          <DialogDescription>{t('risks.context.cloneHelp', { opd: context?.opdName, year: context?.year })}</DialogDescription>
        </DialogHeader>
        <form
          className="flex flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            clone.mutate();
          }}
        >
          <label className="flex flex-col gap-1.5 text-sm font-medium">
            {t('risks.context.cloneYear')}
            <Input value={year} onChange={(e) => setYear(e.target.value)} inputMode="numeric" required />
          </label>
          <FormDialogFooter pending={clone.isPending} onCancel={() => onOpenChange(false)} submitLabel={t('risks.context.clone')} />
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** /risiko/konteks — contexts per UPR and period; national forms 2.0–5.0 per context. */
export function ContextsPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const confirm = useConfirm();
  const canManage = usePermission('risks.manage');
  const canExport = usePermission('reports.export');
  const [search, setSearch] = useUrlListState<Search>();
  const [editing, setEditing] = React.useState<{ open: boolean; row: TRiskContext | null }>({ open: false, row: null });
  const [cloning, setCloning] = React.useState<TRiskContext | null>(null);
  const opds = useOpdOptions();
  const filters = { opdId: search.opdId, year: search.year };
  const list = useQuery({ queryKey: ['risk-contexts', 'list', search], queryFn: () => risksApi.contexts({ ...listQuery(search), ...filters }), placeholderData: keepPreviousData });
  const remove = useMutation({
    mutationFn: (c: TRiskContext) => risksApi.deleteContext(c.id),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['risk-contexts'] });
      toast.success(t('risks.context.deleted'));
    },
  });
  const h = useLatest({
    edit: (c: TRiskContext) => setEditing({ open: true, row: c }),
    clone: (c: TRiskContext) => setCloning(c),
    remove: async (c: TRiskContext) => {
      if (await confirm({ title: t('risks.context.deleteTitle', { opd: c.opdName, year: c.year }), description: t('risks.context.deleteDescription'), confirmLabel: t('confirm.yesDelete') }))
        remove.mutate(c);
    },
  });
  const columns = React.useMemo<ColumnDef<TRiskContext>[]>(
    () => [
      { id: 'year', accessorKey: 'year', header: t('risks.period'), enableSorting: false, size: 80 },
      {
        id: 'opd',
        header: t('risks.context.upr'),
        enableSorting: false,
        cell: ({ row }) => (
          <Link to="/risiko" search={{ opdId: row.original.opdId, year: row.original.year }} className="font-medium text-primary hover:underline">
            {row.original.opdName}
          </Link>
        ),
      },
      { id: 'owner', header: t('risks.context.owner'), enableSorting: false, cell: ({ row }) => [row.original.ownerName, row.original.ownerPosition].filter(Boolean).join(' — ') || '—' },
      { id: 'appetite', header: t('risks.context.appetiteDefault'), enableSorting: false, cell: ({ row }) => row.original.appetiteDefault },
      { id: 'riskCount', header: t('risks.context.riskCount'), enableSorting: false, cell: ({ row }) => row.original.riskCount },
      {
        id: 'actions',
        enableSorting: false,
        header: () => <span className="sr-only">{t('common.actions')}</span>,
        cell: ({ row }) => {
          const c = row.original;
          return (
            <div className="flex justify-end gap-1">
              <DropdownMenu>
                <DropdownMenuTrigger asChild>
                  <Button size="sm" variant="outline">
                    <FileDown />
                    {t('risks.context.forms')}
                  </Button>
                </DropdownMenuTrigger>
                <DropdownMenuContent align="end">
                  {(['all', 'konteks', 'penilaian', 'penanganan', 'pemantauan'] as const).map((f) => (
                    <DropdownMenuItem key={f} asChild>
                      <a href={formsUrl(c.id, f)} download>
                        {t(`risks.forms.${f}`)}
                      </a>
                    </DropdownMenuItem>
                  ))}
                </DropdownMenuContent>
              </DropdownMenu>
              {canManage ? (
                <>
                  <Button size="icon" variant="ghost" aria-label={t('risks.context.cloneNamed', { opd: c.opdName, year: c.year })} onClick={() => h.current.clone(c)}>
                    <Copy />
                  </Button>
                  <Button size="icon" variant="ghost" aria-label={t('risks.context.editNamed', { opd: c.opdName, year: c.year })} onClick={() => h.current.edit(c)}>
                    <Pencil />
                  </Button>
                  <Button size="icon" variant="ghost" aria-label={t('risks.context.deleteNamed', { opd: c.opdName, year: c.year })} onClick={() => void h.current.remove(c)}>
                    <Trash2 className="text-destructive" />
                  </Button>
                </>
              ) : null}
            </div>
          );
        },
      },
    ],
    [t, canManage, h],
  );
  const years = Array.from({ length: 6 }, (_, k) => currentYear() + 1 - k);
  return (
    <div>
      <PageHeader
        title={t('risks.context.title')}
        description={t('risks.context.description')}
        actions={
          canManage ? (
            <Button onClick={() => setEditing({ open: true, row: null })}>
              <Plus />
              {t('risks.context.add')}
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
        searchPlaceholder={t('risks.context.searchPlaceholder')}
        getRowId={(c) => c.id}
        exportEndpoint={canExport ? '/api/risk-contexts' : undefined}
        exportParams={filters}
        emptyText={t('risks.context.empty')}
        caption={t('risks.context.title')}
        filters={
          <div className="flex flex-wrap items-end gap-2">
            <FilterSelect label={t('common.filterOpd')} value={search.opdId} onChange={(v) => setSearch({ opdId: v, page: undefined })} options={opds.data ?? []} allLabel={t('common.allOpds')} />
            <FilterSelect
              label={t('risks.period')}
              value={search.year ? String(search.year) : undefined}
              onChange={(v) => setSearch({ year: v ? Number(v) : undefined, page: undefined })}
              options={years.map((y) => ({ value: String(y), label: String(y) }))}
              allLabel={t('common.all')}
              className="flex flex-col gap-1 [&_select]:sm:w-28"
            />
          </div>
        }
      />
      <ContextFormDialog open={editing.open} onOpenChange={(o) => setEditing((e) => ({ ...e, open: o }))} context={editing.row} />
      <CloneDialog context={cloning} onOpenChange={(o) => !o && setCloning(null)} />
    </div>
  );
}
