import { ChevronLeft, ChevronRight, ChevronsLeft, ChevronsRight } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { NativeSelect } from '@/components/ui/input';
import { PAGE_SIZES } from '@/lib/list-search';
import { formatNumber } from '@/lib/utils';

export function Pagination({
  page,
  pageSize,
  total,
  totalCapped = false,
  onPage,
  onPageSize,
}: {
  page: number;
  pageSize: number;
  total: number;
  totalCapped?: boolean;
  onPage: (p: number) => void;
  onPageSize: (s: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const n = (x: number) => formatNumber(x, i18n.language);
  return (
    <div className="flex flex-col gap-3 px-1 py-3 text-sm sm:flex-row sm:items-center sm:justify-between">
      <p className="text-muted-foreground" aria-live="polite">
        {t('table.showing', { from: n(from), to: n(to), total: totalCapped ? `${n(total)}+` : n(total) })}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-muted-foreground">
          {t('table.rowsPerPage')}
          <NativeSelect className="h-8 w-20" value={pageSize} onChange={(e) => onPageSize(Number(e.target.value))}>
            {PAGE_SIZES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </NativeSelect>
        </label>
        <span className="text-muted-foreground">{t('table.pageOf', { page: n(page), pages: n(pages) })}</span>
        <div className="flex gap-1">
          <Button variant="outline" size="icon" className="size-8" disabled={page <= 1} onClick={() => onPage(1)} aria-label={t('table.firstPage')}>
            <ChevronsLeft />
          </Button>
          <Button variant="outline" size="icon" className="size-8" disabled={page <= 1} onClick={() => onPage(page - 1)} aria-label={t('table.prevPage')}>
            <ChevronLeft />
          </Button>
          <Button variant="outline" size="icon" className="size-8" disabled={page >= pages} onClick={() => onPage(page + 1)} aria-label={t('table.nextPage')}>
            <ChevronRight />
          </Button>
          <Button variant="outline" size="icon" className="size-8" disabled={page >= pages} onClick={() => onPage(pages)} aria-label={t('table.lastPage')}>
            <ChevronsRight />
          </Button>
        </div>
      </div>
    </div>
  );
}
