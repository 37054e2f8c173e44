/**
 * Server-side DataTable: TanStack Table in manual mode. Paging, sorting and the search text
 * live in the URL (the page passes `search` from `validateSearch` and `onSearchChange`).
 */
import * as React from 'react';
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { ArrowDown, ArrowUp, ArrowUpDown, ChevronDown, ChevronRight, Inbox } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { Skeleton } from '@/components/ui/skeleton';
import type { Page, QueryParams } from '@/lib/api';
import { DEFAULT_PAGE_SIZE, type ListSearch } from '@/lib/list-search';
import { cn } from '@/lib/utils';
import { SearchBox } from './search-box';
import { Pagination } from './pagination';
import { ExportButtons } from './export-buttons';

export type { ColumnDef } from '@tanstack/react-table';

export type DataTableProps<T> = {
  columns: ColumnDef<T, any>[];
  page: Page<T> | undefined;
  isLoading: boolean;
  search: ListSearch;
  onSearchChange: (patch: Partial<ListSearch>) => void;
  searchPlaceholder?: string;
  /** Filter controls shown next to the search box. */
  filters?: React.ReactNode;
  /** Buttons on the right of the toolbar (e.g. "Tambah"). */
  actions?: React.ReactNode;
  /** List endpoint (e.g. `/api/people`); adds Excel/CSV export of `<endpoint>/export`. */
  exportEndpoint?: string;
  /** Filters passed to the export (the same as the list). */
  exportParams?: QueryParams;
  emptyText?: React.ReactNode;
  getRowId?: (row: T) => string;
  /** Expandable rows: content shown under a row. */
  renderExpanded?: (row: T) => React.ReactNode;
  rowClassName?: (row: T) => string | undefined;
  caption?: string;
};

export function DataTable<T>({
  columns,
  page,
  isLoading,
  search,
  onSearchChange,
  searchPlaceholder,
  filters,
  actions,
  exportEndpoint,
  exportParams,
  emptyText,
  getRowId,
  renderExpanded,
  rowClassName,
  caption,
}: DataTableProps<T>) {
  const { t } = useTranslation();
  const pageSize = search.pageSize ?? DEFAULT_PAGE_SIZE;
  const pageNo = search.page ?? 1;
  const sorting: SortingState = search.sort ? [{ id: search.sort, desc: search.dir === 'desc' }] : [];

  const expandable = !!renderExpanded;
  const allColumns = React.useMemo<ColumnDef<T, any>[]>(() => {
    if (!expandable) return columns;
    const expander: ColumnDef<T, any> = {
      id: '__expand',
      enableSorting: false,
      header: () => <span className="sr-only">{t('table.details')}</span>,
      cell: ({ row }) => (
        <button
          type="button"
          onClick={row.getToggleExpandedHandler()}
          aria-expanded={row.getIsExpanded()}
          aria-label={row.getIsExpanded() ? t('table.collapse') : t('table.expand')}
          className="rounded p-1 hover:bg-accent cursor-pointer"
        >
          {row.getIsExpanded() ? <ChevronDown className="size-4" /> : <ChevronRight className="size-4" />}
        </button>
      ),
    };
    return [expander, ...columns];
  }, [columns, expandable, t]);

  const table = useReactTable<T>({
    data: page?.items ?? [],
    columns: allColumns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: getRowId ? (r) => getRowId(r) : undefined,
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    enableMultiSort: false,
    enableSortingRemoval: true,
    getRowCanExpand: () => !!renderExpanded,
    rowCount: page?.total ?? 0,
    state: { sorting, pagination: { pageIndex: pageNo - 1, pageSize } },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const s = next[0];
      onSearchChange({ sort: s?.id, dir: s ? (s.desc ? 'desc' : 'asc') : undefined, page: undefined });
    },
  });

  const onQ = React.useCallback((q: string | undefined) => onSearchChange({ q, page: undefined }), [onSearchChange]);
  const colCount = table.getVisibleLeafColumns().length;

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-col gap-3 lg:flex-row lg:items-end lg:justify-between">
        <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-end">
          <SearchBox value={search.q} onChange={onQ} placeholder={searchPlaceholder} />
          {filters}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {exportEndpoint ? (
            <ExportButtons
              endpoint={exportEndpoint}
              params={{ ...(exportParams ?? {}), q: search.q, sort: search.sort, dir: search.sort ? search.dir : undefined }}
            />
          ) : null}
          {actions}
        </div>
      </div>

      <div className="rounded-lg border bg-card">
        <Table aria-busy={isLoading || undefined}>
          {caption ? <caption className="sr-only">{caption}</caption> : null}
          <TableHeader>
            {table.getHeaderGroups().map((hg) => (
              <TableRow key={hg.id} className="hover:bg-transparent">
                {hg.headers.map((h) => {
                  const canSort = h.column.getCanSort() && h.column.id !== '__expand';
                  const dir = h.column.getIsSorted();
                  return (
                    <TableHead
                      key={h.id}
                      aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}
                      style={h.column.columnDef.size && h.column.columnDef.size !== 150 ? { width: h.column.columnDef.size } : undefined}
                    >
                      {h.isPlaceholder ? null : canSort ? (
                        <button
                          type="button"
                          className="inline-flex items-center gap-1 uppercase hover:text-foreground cursor-pointer"
                          onClick={h.column.getToggleSortingHandler()}
                        >
                          {flexRender(h.column.columnDef.header, h.getContext())}
                          {dir === 'asc' ? <ArrowUp className="size-3.5" /> : dir === 'desc' ? <ArrowDown className="size-3.5" /> : <ArrowUpDown className="size-3.5 opacity-40" />}
                        </button>
                      ) : (
                        flexRender(h.column.columnDef.header, h.getContext())
                      )}
                    </TableHead>
                  );
                })}
              </TableRow>
            ))}
          </TableHeader>
          <TableBody>
            {isLoading ? (
              Array.from({ length: Math.min(pageSize, 6) }).map((_, i) => (
                <TableRow key={`sk-${i}`} data-testid="skeleton-row">
                  {Array.from({ length: colCount }).map((__, j) => (
                    <TableCell key={j}>
                      <Skeleton className="h-4 w-full max-w-40" />
                    </TableCell>
                  ))}
                </TableRow>
              ))
            ) : table.getRowModel().rows.length === 0 ? (
              <TableRow className="hover:bg-transparent">
                <TableCell colSpan={colCount} className="py-12 text-center text-muted-foreground">
                  <div className="flex flex-col items-center gap-2">
                    <Inbox className="size-8 opacity-50" />
                    <span>{emptyText ?? t('table.empty')}</span>
                  </div>
                </TableCell>
              </TableRow>
            ) : (
              table.getRowModel().rows.map((row) => (
                <React.Fragment key={row.id}>
                  <TableRow className={cn(rowClassName?.(row.original))} data-state={row.getIsExpanded() ? 'selected' : undefined}>
                    {row.getVisibleCells().map((cell) => (
                      <TableCell key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</TableCell>
                    ))}
                  </TableRow>
                  {renderExpanded && row.getIsExpanded() ? (
                    <TableRow className="hover:bg-transparent">
                      <TableCell colSpan={colCount} className="bg-muted/30 p-4">
                        {renderExpanded(row.original)}
                      </TableCell>
                    </TableRow>
                  ) : null}
                </React.Fragment>
              ))
            )}
          </TableBody>
        </Table>
      </div>

      <Pagination
        page={pageNo}
        pageSize={pageSize}
        total={page?.total ?? 0}
        totalCapped={page?.totalCapped ?? false}
        onPage={(p) => onSearchChange({ page: p <= 1 ? undefined : p })}
        onPageSize={(s) => onSearchChange({ pageSize: s === DEFAULT_PAGE_SIZE ? undefined : s, page: undefined })}
      />
    </div>
  );
}
