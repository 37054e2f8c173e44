import * as React from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { FileDown, Upload } from 'lucide-react';
import { regulationKinds, type TRegulationSummary } from '@persada/shared';
import { DataTable, FilterSelect, useUrlListState, type ColumnDef } from '@/components/data-table';
import { PageHeader } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Label } from '@/components/ui/label';
import { usePermission } from '@/lib/auth';
import { listQuery } from '@/lib/list-search';
import { regulationsApi, TEMPLATE_URL } from '../api';
import type { RegulationSearch } from '../search';
import { ImportDialog } from './import-dialog';

/** /regulasi — the regulation library: shared seeds and the Pemda's own, with binding status. */
export function RegulationListPage() {
  const { t } = useTranslation();
  const canManage = usePermission('regulations.manage');
  const [search, setSearch] = useUrlListState<RegulationSearch>();
  const [importOpen, setImportOpen] = React.useState(false);
  const filters = {
    kind: search.kind,
    bound: search.bound === undefined ? undefined : String(search.bound),
    allVersions: search.allVersions ? 'true' : undefined,
  };
  const list = useQuery({
    queryKey: ['regulations', 'list', search],
    queryFn: () => regulationsApi.list({ ...listQuery(search), ...filters }),
    placeholderData: keepPreviousData,
  });
  const columns = React.useMemo<ColumnDef<TRegulationSummary>[]>(
    () => [
      { id: 'code', accessorKey: 'code', header: t('regulations.code'), size: 120 },
      {
        id: 'title',
        accessorKey: 'title',
        header: t('regulations.titleCol'),
        cell: ({ row }) => (
          <div className="flex flex-col">
            <Link to="/regulasi/$regulationId" params={{ regulationId: row.original.id }} className="font-medium text-primary hover:underline">
              {t(`regulations.kind.${row.original.kind}`)} {row.original.number}/{row.original.year}
            </Link>
            <span className="text-sm">{row.original.title}</span>
            <span className="text-xs text-muted-foreground">{row.original.issuer}</span>
          </div>
        ),
      },
      { id: 'year', accessorKey: 'year', header: t('regulations.year'), size: 80 },
      {
        id: 'status',
        enableSorting: false,
        header: t('regulations.statusCol'),
        cell: ({ row }) => (
          <div className="flex flex-wrap gap-1">
            <Badge variant={row.original.status === 'berlaku' ? 'secondary' : 'outline'}>{t(`regulations.regStatus.${row.original.status}`)}</Badge>
            <Badge variant="outline">v{row.original.version}</Badge>
            {row.original.shared ? <Badge variant="outline">{t('regulations.sharedBadge')}</Badge> : <Badge variant="outline">{t('regulations.ownBadge')}</Badge>}
          </div>
        ),
      },
      { id: 'articles', enableSorting: false, header: t('regulations.articles'), cell: ({ row }) => `${row.original.articleCount} / ${row.original.obligationCount}` },
      {
        id: 'bound',
        enableSorting: false,
        header: t('regulations.bound'),
        cell: ({ row }) => (row.original.bound ? <Badge variant="success">{t('regulations.boundYes')}</Badge> : <span className="text-muted-foreground">—</span>),
      },
    ],
    [t],
  );
  return (
    <div>
      <PageHeader
        title={t('regulations.libraryTitle')}
        description={t('regulations.libraryDescription')}
        actions={
          <>
            <Button variant="outline" asChild>
              <a href={TEMPLATE_URL} download>
                <FileDown />
                {t('regulations.downloadTemplate')}
              </a>
            </Button>
            {canManage ? (
              <Button onClick={() => setImportOpen(true)}>
                <Upload />
                {t('regulations.import')}
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
        searchPlaceholder={t('regulations.searchPlaceholder')}
        getRowId={(r) => r.id}
        emptyText={t('regulations.empty')}
        caption={t('regulations.libraryTitle')}
        filters={
          <>
            <FilterSelect
              label={t('regulations.kindFilter')}
              value={search.kind}
              onChange={(v) => setSearch({ kind: v as RegulationSearch['kind'], page: undefined })}
              options={regulationKinds.map((k) => ({ value: k, label: t(`regulations.kind.${k}`) }))}
              allLabel={t('regulations.all')}
            />
            <FilterSelect
              label={t('regulations.bindingFilter')}
              value={search.bound === undefined ? undefined : String(search.bound)}
              onChange={(v) => setSearch({ bound: v === undefined ? undefined : v === 'true', page: undefined })}
              options={[
                { value: 'true', label: t('regulations.boundYes') },
                { value: 'false', label: t('regulations.boundNo') },
              ]}
              allLabel={t('regulations.all')}
            />
            <div className="flex h-9 items-center gap-2 self-end">
              <Checkbox
                id="reg-all-versions"
                checked={!!search.allVersions}
                onCheckedChange={(v) => setSearch({ allVersions: v === true ? true : undefined, page: undefined })}
              />
              <Label htmlFor="reg-all-versions" className="font-normal">
                {t('regulations.showOldVersions')}
              </Label>
            </div>
          </>
        }
      />
      <ImportDialog open={importOpen} onOpenChange={setImportOpen} />
    </div>
  );
}
