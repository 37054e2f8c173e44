import { FileSpreadsheet, FileText } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { withQuery, type QueryParams } from '@/lib/api';

/** Download links `<endpoint>/export?format=xlsx|csv&<same filters>`. */
export function exportUrl(endpoint: string, format: 'xlsx' | 'csv', params?: QueryParams): string {
  return withQuery(`${endpoint}/export`, { format, ...(params ?? {}) });
}

export function ExportButtons({ endpoint, params }: { endpoint: string; params?: QueryParams }) {
  const { t } = useTranslation();
  return (
    <div className="flex gap-2">
      <Button variant="outline" size="sm" asChild>
        <a href={exportUrl(endpoint, 'xlsx', params)} download>
          <FileSpreadsheet />
          {t('table.exportExcel')}
        </a>
      </Button>
      <Button variant="outline" size="sm" asChild>
        <a href={exportUrl(endpoint, 'csv', params)} download>
          <FileText />
          {t('table.exportCsv')}
        </a>
      </Button>
    </div>
  );
}
