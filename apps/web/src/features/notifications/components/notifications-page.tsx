import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Bell, CheckCheck, ExternalLink, MailOpen } from 'lucide-react';
import { Pagination, useUrlListState } from '@/components/data-table';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { Tabs, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { toast } from '@/components/form';
import { DEFAULT_PAGE_SIZE, listQuery, type ListSearch } from '@/lib/list-search';
import { cn, formatDateTime } from '@/lib/utils';
import { notificationsApi, type Notification } from '../api';

type Search = ListSearch & { unread?: boolean };

/** Only same-origin links are followed from notifications. */
const safeLink = (l: string | null) => (l && l.startsWith('/') && !l.startsWith('//') ? l : null);

export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const router = useRouter();
  const [search, setSearch] = useUrlListState<Search>();
  const list = useQuery({
    queryKey: ['notifications', 'list', search],
    queryFn: () => notificationsApi.list({ ...listQuery(search), unread: search.unread ? true : undefined }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['notifications'] });
  const markRead = useMutation({ mutationFn: (n: Notification) => notificationsApi.markRead(n.id), onSuccess: refresh });
  const markAll = useMutation({
    mutationFn: notificationsApi.markAllRead,
    onSuccess: () => {
      refresh();
      toast.success(t('notification.allRead'));
    },
  });

  const items = list.data?.items ?? [];
  return (
    <div>
      <PageHeader
        title={t('notification.title')}
        description={t('notification.description')}
        actions={
          <Button variant="outline" onClick={() => markAll.mutate()} disabled={markAll.isPending}>
            <CheckCheck />
            {t('notification.markAllRead')}
          </Button>
        }
      />
      <Tabs value={search.unread ? 'unread' : 'all'} onValueChange={(v) => setSearch({ unread: v === 'unread' ? true : undefined, page: undefined })}>
        <TabsList>
          <TabsTrigger value="all">{t('notification.all')}</TabsTrigger>
          <TabsTrigger value="unread">{t('notification.unread')}</TabsTrigger>
        </TabsList>
      </Tabs>
      <Card className="mt-4 divide-y">
        {list.isLoading ? (
          [0, 1, 2].map((i) => (
            <div key={i} className="p-4">
              <Skeleton className="mb-2 h-4 w-1/3" />
              <Skeleton className="h-4 w-2/3" />
            </div>
          ))
        ) : items.length === 0 ? (
          <div className="flex flex-col items-center gap-2 py-14 text-muted-foreground">
            <Bell className="size-8 opacity-50" />
            {t('notification.empty')}
          </div>
        ) : (
          <ul className="divide-y">
            {items.map((n) => {
              const link = safeLink(n.link);
              return (
                <li key={n.id} className={cn('flex flex-col gap-2 p-4 sm:flex-row sm:items-start', !n.readAt && 'bg-primary/[0.03]')}>
                  <span className={cn('mt-1.5 size-2 shrink-0 rounded-full', n.readAt ? 'bg-transparent' : 'bg-destructive')} aria-hidden="true" />
                  <div className="flex-1">
                    <p className={cn('text-sm', !n.readAt && 'font-semibold')}>
                      {n.title}
                      {!n.readAt ? <span className="sr-only"> ({t('notification.unreadMark')})</span> : null}
                    </p>
                    <p className="mt-0.5 whitespace-pre-line text-sm text-muted-foreground">{n.body}</p>
                    <p className="mt-1 text-xs text-muted-foreground">{formatDateTime(n.createdAt, i18n.language)}</p>
                  </div>
                  <div className="flex gap-2">
                    {link ? (
                      <Button
                        variant="ghost"
                        size="sm"
                        onClick={() => {
                          if (!n.readAt) markRead.mutate(n);
                          router.history.push(link);
                        }}
                      >
                        <ExternalLink />
                        {t('notification.open')}
                      </Button>
                    ) : null}
                    {!n.readAt ? (
                      <Button variant="outline" size="sm" onClick={() => markRead.mutate(n)} aria-label={t('notification.markReadNamed', { title: n.title })}>
                        <MailOpen />
                        {t('notification.markRead')}
                      </Button>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </Card>
      <Pagination
        page={search.page ?? 1}
        pageSize={search.pageSize ?? DEFAULT_PAGE_SIZE}
        total={list.data?.total ?? 0}
        onPage={(p) => setSearch({ page: p <= 1 ? undefined : p })}
        onPageSize={(s) => setSearch({ pageSize: s === DEFAULT_PAGE_SIZE ? undefined : s, page: undefined })}
      />
    </div>
  );
}
