import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Monitor, Trash2 } from 'lucide-react';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { toast, useConfirm } from '@/components/form';
import { formatDateTime } from '@/lib/utils';
import { profileApi, type Session } from '../api';

/** Short "Browser on OS" from a user-agent string. */
function device(ua: string | null): string {
  if (!ua) return '—';
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrome\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : null;
  const os = /Windows/.test(ua) ? 'Windows' : /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Mac OS/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : null;
  return browser && os ? `${browser} · ${os}` : ua.slice(0, 60);
}

export function SessionsCard() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const confirm = useConfirm();
  const sessions = useQuery({ queryKey: ['me', 'sessions'], queryFn: profileApi.sessions });
  const revoke = useMutation({
    mutationFn: (s: Session) => profileApi.revokeSession(s.id),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['me', 'sessions'] });
      toast.success(t('profile.sessionRevoked'));
    },
  });
  const ask = async (s: Session) => {
    if (await confirm({ title: t('profile.revokeSessionTitle'), description: t('profile.revokeSessionDescription'), confirmLabel: t('profile.revoke') })) revoke.mutate(s);
  };
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('profile.sessionsTitle')}</CardTitle>
        <CardDescription>{t('profile.sessionsHelp')}</CardDescription>
      </CardHeader>
      <CardContent>
        {sessions.isLoading ? (
          <Skeleton className="h-24 w-full" />
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t('profile.device')}</TableHead>
                <TableHead>IP</TableHead>
                <TableHead>{t('profile.signedIn')}</TableHead>
                <TableHead>{t('profile.lastSeen')}</TableHead>
                <TableHead>{t('profile.expires')}</TableHead>
                <TableHead>
                  <span className="sr-only">{t('common.actions')}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {(sessions.data ?? []).map((s) => (
                <TableRow key={s.id}>
                  <TableCell>
                    <span className="flex items-center gap-2">
                      <Monitor className="size-4 text-muted-foreground" />
                      <span title={s.userAgent ?? ''}>{device(s.userAgent)}</span>
                      {s.current ? <Badge variant="success">{t('profile.thisSession')}</Badge> : null}
                    </span>
                  </TableCell>
                  <TableCell className="font-mono text-xs">{s.ip ?? '—'}</TableCell>
                  <TableCell className="text-xs">{formatDateTime(s.createdAt, i18n.language)}</TableCell>
                  <TableCell className="text-xs">{formatDateTime(s.lastSeenAt, i18n.language)}</TableCell>
                  <TableCell className="text-xs">{formatDateTime(s.expiresAt, i18n.language)}</TableCell>
                  <TableCell className="text-right">
                    {s.current ? null : (
                      <Button size="sm" variant="ghost" onClick={() => void ask(s)}>
                        <Trash2 className="text-destructive" />
                        {t('profile.revoke')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
