import * as React from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Plus, Search } from 'lucide-react';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Tabs, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { signingApi } from '../api';
import { StatusBadge } from './status-badge';
import { NewRequestDialog } from './new-request-dialog';

type Box = 'todo' | 'mine' | 'all';

export function SigningListPage() {
  const { t, i18n } = useTranslation();
  const [box, setBox] = React.useState<Box>('todo');
  const [q, setQ] = React.useState('');
  const [page, setPage] = React.useState(1);
  const [open, setOpen] = React.useState(false);
  const list = useQuery({ queryKey: ['signing', 'list', box, q, page], queryFn: () => signingApi.list({ box, q, page, pageSize: 20 }), placeholderData: keepPreviousData });
  const fmt = (s: string) => new Date(s).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div>
      <PageHeader
        title={t('signing.list.title')}
        description={t('signing.list.description')}
        actions={
          <Button onClick={() => setOpen(true)}>
            <Plus />
            {t('signing.list.new')}
          </Button>
        }
      />
      <div className="mb-3 flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
        <Tabs value={box} onValueChange={(v) => { setBox(v as Box); setPage(1); }}>
          <TabsList>
            <TabsTrigger value="todo">{t('signing.list.todo')}</TabsTrigger>
            <TabsTrigger value="mine">{t('signing.list.mine')}</TabsTrigger>
            <TabsTrigger value="all">{t('signing.list.all')}</TabsTrigger>
          </TabsList>
        </Tabs>
        <div className="relative sm:w-72">
          <Search className="absolute left-2 top-2.5 size-4 text-muted-foreground" />
          <Input className="pl-8" placeholder={t('signing.list.search')} value={q} onChange={(e) => { setQ(e.target.value); setPage(1); }} aria-label={t('signing.list.search')} />
        </div>
      </div>
      <div className="rounded-md border">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t('signing.field.title')}</TableHead>
              <TableHead>{t('signing.field.signers')}</TableHead>
              <TableHead>{t('signing.field.status')}</TableHead>
              <TableHead>{t('signing.field.createdAt')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.data?.items.length ? (
              list.data.items.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>
                    <Link to="/tanda-tangan/$id" params={{ id: r.id }} className="font-medium text-primary hover:underline">
                      {r.title}
                    </Link>
                    {r.docNumber ? <div className="text-xs text-muted-foreground">{r.docNumber}</div> : null}
                    {r.myTurn ? <div className="text-xs font-medium text-warning">{t('signing.list.yourTurn')}</div> : null}
                  </TableCell>
                  <TableCell className="text-sm">
                    {r.signers.map((s) => `${s.seq}. ${s.displayName}${s.status === 'signed' ? ' ✓' : ''}`).join(' · ')}
                  </TableCell>
                  <TableCell>
                    <StatusBadge status={r.status} />
                  </TableCell>
                  <TableCell className="text-sm">{fmt(r.createdAt)}</TableCell>
                </TableRow>
              ))
            ) : (
              <TableRow>
                <TableCell colSpan={4} className="py-8 text-center text-muted-foreground">
                  {list.isLoading ? t('signing.common.loading') : t('signing.list.empty')}
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </div>
      {list.data && list.data.total > 20 ? (
        <div className="mt-3 flex items-center justify-end gap-2 text-sm">
          <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('signing.common.prev')}
          </Button>
          <span>{t('signing.common.page', { page, pages: Math.ceil(list.data.total / 20) })}</span>
          <Button variant="outline" size="sm" disabled={page * 20 >= list.data.total} onClick={() => setPage(page + 1)}>
            {t('signing.common.next')}
          </Button>
        </div>
      ) : null}
      <NewRequestDialog open={open} onOpenChange={setOpen} />
    </div>
  );
}
