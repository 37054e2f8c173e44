import * as React from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { KeyRound, LockOpen, MoreHorizontal, Plus, Power, PowerOff, ShieldCheck } from 'lucide-react';
import { DataTable, useUrlListState, type ColumnDef } from '@/components/data-table';
import { PageHeader } from '@/components/layout/page-header';
import { OneTimeSecret } from '@/components/layout/one-time-secret';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { toast, useConfirm } from '@/components/form';
import { useMe, usePermission } from '@/lib/auth';
import { listQuery, type ListSearch } from '@/lib/list-search';
import { formatDateTime } from '@/lib/utils';
import { useLatest } from '@/lib/use-latest';
import { accessApi, isLocked, type User } from '../api';
import { UserCreateDialog } from './user-create-dialog';
import { UserRolesDialog } from './user-roles-dialog';

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const confirm = useConfirm();
  const me = useMe();
  const canManage = usePermission('access.manage');
  const [search, setSearch] = useUrlListState<ListSearch>();
  const [createOpen, setCreateOpen] = React.useState(false);
  const [rolesFor, setRolesFor] = React.useState<{ open: boolean; user: User | null }>({ open: false, user: null });
  const [reset, setReset] = React.useState<{ user: User; password: string } | null>(null);

  const list = useQuery({
    queryKey: ['users', 'list', search],
    queryFn: () => accessApi.users(listQuery(search)),
    placeholderData: keepPreviousData,
  });
  const done = (msg: string) => () => {
    void qc.invalidateQueries({ queryKey: ['users'] });
    toast.success(msg);
  };
  const activate = useMutation({ mutationFn: (u: User) => accessApi.activate(u.id), onSuccess: done(t('user.activated')) });
  const deactivate = useMutation({ mutationFn: (u: User) => accessApi.deactivate(u.id), onSuccess: done(t('user.deactivated')) });
  const unlock = useMutation({ mutationFn: (u: User) => accessApi.unlock(u.id), onSuccess: done(t('user.unlocked')) });
  const resetPw = useMutation({
    mutationFn: (u: User) => accessApi.resetPassword(u.id),
    onSuccess: (res, u) => {
      void qc.invalidateQueries({ queryKey: ['users'] });
      setReset({ user: u, password: res.temporaryPassword });
    },
  });

  const askDeactivate = async (u: User) => {
    const ok = await confirm({
      title: t('user.deactivateTitle', { name: u.displayName }),
      description: t('user.deactivateDescription'),
      confirmLabel: t('user.deactivate'),
    });
    if (ok) deactivate.mutate(u);
  };
  const askReset = async (u: User) => {
    const ok = await confirm({
      title: t('user.resetTitle', { name: u.displayName }),
      description: t('user.resetDescription'),
      confirmLabel: t('user.resetPassword'),
    });
    if (ok) resetPw.mutate(u);
  };

  const h = useLatest({
    askReset,
    askDeactivate,
    unlock: (u: User) => unlock.mutate(u),
    activate: (u: User) => activate.mutate(u),
    editRoles: (u: User) => setRolesFor({ open: true, user: u }),
  });

  const columns = React.useMemo<ColumnDef<User>[]>(() => [
    {
      id: 'displayName',
      accessorKey: 'displayName',
      header: t('user.name'),
      cell: ({ row }) => (
        <div className="flex flex-col">
          <span className="font-medium">{row.original.displayName}</span>
          <span className="text-xs text-muted-foreground">{row.original.email}</span>
        </div>
      ),
    },
    {
      id: 'roles',
      header: t('user.roles'),
      enableSorting: false,
      cell: ({ row }) => (
        <div className="flex max-w-md flex-wrap gap-1">
          {row.original.roles.map((r) => (
            <Badge key={`${r.roleId}-${r.opdId ?? ''}`} variant="secondary">
              {r.name}
              {r.opdName ? ` · ${r.opdName}` : ''}
            </Badge>
          ))}
        </div>
      ),
    },
    {
      id: 'status',
      header: t('common.status'),
      enableSorting: false,
      cell: ({ row }) => (
        <div className="flex flex-wrap gap-1">
          {row.original.active ? <Badge variant="success">{t('user.active')}</Badge> : <Badge variant="destructive">{t('user.inactive')}</Badge>}
          {isLocked(row.original) ? <Badge variant="warning">{t('user.locked')}</Badge> : null}
          {row.original.totpEnabled ? (
            <Badge variant="outline" title={t('user.totpOn')}>
              <ShieldCheck className="mr-1 size-3" />
              2FA
            </Badge>
          ) : null}
        </div>
      ),
    },
    {
      id: 'lastLoginAt',
      accessorKey: 'lastLoginAt',
      header: t('user.lastLogin'),
      cell: ({ row }) => <span className="text-xs">{formatDateTime(row.original.lastLoginAt, i18n.language)}</span>,
    },
    {
      id: 'actions',
      enableSorting: false,
      header: () => <span className="sr-only">{t('common.actions')}</span>,
      cell: ({ row }) => {
        const u = row.original;
        if (!canManage) return null;
        const self = me?.userId === u.id;
        return (
          <div className="flex justify-end">
            <DropdownMenu modal={false}>
              <DropdownMenuTrigger asChild>
                <Button size="icon" variant="ghost" aria-label={t('user.actionsFor', { name: u.displayName })}>
                  <MoreHorizontal />
                </Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent align="end">
                <DropdownMenuItem onSelect={() => h.current.editRoles(u)}>
                  <ShieldCheck />
                  {t('user.editRoles')}
                </DropdownMenuItem>
                <DropdownMenuItem onSelect={() => void h.current.askReset(u)}>
                  <KeyRound />
                  {t('user.resetPassword')}
                </DropdownMenuItem>
                {isLocked(u) ? (
                  <DropdownMenuItem onSelect={() => h.current.unlock(u)}>
                    <LockOpen />
                    {t('user.unlock')}
                  </DropdownMenuItem>
                ) : null}
                <DropdownMenuSeparator />
                {u.active ? (
                  <DropdownMenuItem disabled={self} onSelect={() => void h.current.askDeactivate(u)} className="text-destructive">
                    <PowerOff />
                    {t('user.deactivate')}
                  </DropdownMenuItem>
                ) : (
                  <DropdownMenuItem onSelect={() => h.current.activate(u)}>
                    <Power />
                    {t('user.activate')}
                  </DropdownMenuItem>
                )}
              </DropdownMenuContent>
            </DropdownMenu>
          </div>
        );
      },
    },
  ], [t, i18n.language, canManage, me?.userId, h]);

  return (
    <div>
      <PageHeader
        title={t('user.title')}
        description={t('user.description')}
        actions={
          canManage ? (
            <Button onClick={() => setCreateOpen(true)}>
              <Plus />
              {t('user.add')}
            </Button>
          ) : null
        }
      />
      <DataTable
        columns={columns}
        page={list.data}
        isLoading={list.isLoading}
        search={search}
        onSearchChange={setSearch}
        searchPlaceholder={t('user.searchPlaceholder')}
        getRowId={(u) => u.id}
        emptyText={t('user.empty')}
        caption={t('user.title')}
        rowClassName={(u) => (u.active ? undefined : 'opacity-60')}
      />
      <UserCreateDialog open={createOpen} onOpenChange={setCreateOpen} />
      <UserRolesDialog open={rolesFor.open} onOpenChange={(open) => setRolesFor((r) => ({ ...r, open }))} user={rolesFor.user} />
      <Dialog open={!!reset} onOpenChange={(o) => !o && setReset(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{t('user.resetDoneTitle')}</DialogTitle>
            <DialogDescription>{reset?.user.email}</DialogDescription>
          </DialogHeader>
          {reset ? <OneTimeSecret label={t('user.temporaryPassword')} value={reset.password} note={t('user.temporaryPasswordNote')} /> : null}
          <DialogFooter>
            <Button onClick={() => setReset(null)}>{t('common.done')}</Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
