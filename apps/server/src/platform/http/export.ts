import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { renderCsv, renderXlsx } from '../documents/index.js';

export type ExportTable = {
  title: string;
  subtitle?: string;
  filename: string;
  columns: { key: string; header: string; width?: number; type?: 'text' | 'number' | 'date' }[];
  rows: Record<string, unknown>[];
};

export const ZExportFormat = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

/** Exports can be large but are bounded: a list export carries at most this many rows. */
export const EXPORT_MAX_ROWS = 50_000;

/** Sends a list as an Excel or CSV download (the "Ekspor" button of every data table). */
export async function sendExport(reply: FastifyReply, format: 'xlsx' | 'csv', table: ExportTable) {
  const stamp = new Date().toISOString().slice(0, 10);
  if (format === 'csv') {
    const body = await renderCsv(table);
    return reply
      .header('content-disposition', `attachment; filename="${table.filename}-${stamp}.csv"`)
      .type('text/csv; charset=utf-8')
      .send(body);
  }
  const body = await renderXlsx(table);
  return reply
    .header('content-disposition', `attachment; filename="${table.filename}-${stamp}.xlsx"`)
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .send(body);
}
