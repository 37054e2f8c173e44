import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Plus } from 'lucide-react';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { toast, useConfirm } from '@/components/form';
import { usePermission } from '@/lib/auth';
import { accessApi, permissionsQuery, rolesQuery, type Role } from '../api';
import { PermissionMatrix } from './permission-matrix';
import { RoleFormDialog } from './role-form-dialog';

const sameSet = (a: Set<string>, b: string[]) => a.size === b.length && b.every((x) => a.has(x));

export function RolesPage() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const confirm = useConfirm();
  const canManage = usePermission('access.manage');
  const roles = useQuery(rolesQuery);
  const permissions = useQuery(permissionsQuery);
  const [draft, setDraft] = React.useState<Record<string, Set<string>>>({});
  const [saving, setSaving] = React.useState<string | null>(null);
  const [dialog, setDialog] = React.useState<{ open: boolean; role: Role | null }>({ open: false, role: null });

  // Server data → draft (keeps unsaved edits of other roles).
  React.useEffect(() => {
    if (!roles.data) return;
    setDraft((prev) => {
      const next: Record<string, Set<string>> = {};
      for (const r of roles.data) next[r.id] = prev[r.id] && !sameSet(prev[r.id], r.permissions) && saving !== r.id ? prev[r.id] : new Set(r.permissions);
      return next;
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [roles.data]);

  const byId = new Map((roles.data ?? []).map((r) => [r.id, r]));
  const dirty = (id: string) => {
    const r = byId.get(id);
    return !!r && !!draft[id] && !sameSet(draft[id], r.permissions);
  };
  const roleName = (r: Role) => (i18n.language === 'en' ? r.nameEn : r.name);

  const save = useMutation({
    mutationFn: (r: Role) =>
      accessApi.updateRole(r.id, { name: r.name, nameEn: r.nameEn, description: r.description, permissions: [...(draft[r.id] ?? [])] }),
    onMutate: (r) => setSaving(r.id),
    onSettled: () => setSaving(null),
    onSuccess: (_res, r) => {
      void qc.invalidateQueries({ queryKey: ['roles'] });
      void qc.invalidateQueries({ queryKey: ['me'] });
      toast.success(t('role.saved', { name: roleName(r) }));
    },
  });
  const remove = useMutation({
    mutationFn: (r: Role) => accessApi.deleteRole(r.id),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['roles'] });
      toast.success(t('role.deleted'));
    },
  });

  const askDelete = async (r: Role) => {
    if (r.system) return;
    const ok = await confirm({
      title: t('role.deleteTitle', { name: roleName(r) }),
      description: r.userCount > 0 ? t('role.deleteDescriptionUsers', { count: r.userCount }) : t('role.deleteDescription'),
      confirmLabel: t('confirm.yesDelete'),
    });
    if (ok) remove.mutate(r);
  };

  const loading = roles.isLoading || permissions.isLoading;
  return (
    <div>
      <PageHeader
        title={t('role.title')}
        description={t('role.description')}
        actions={
          canManage ? (
            <Button onClick={() => setDialog({ open: true, role: null })}>
              <Plus />
              {t('role.add')}
            </Button>
          ) : null
        }
      />
      {loading ? (
        <Skeleton className="h-96 w-full" />
      ) : (
        <PermissionMatrix
          roles={roles.data ?? []}
          permissions={permissions.data ?? []}
          draft={draft}
          dirty={dirty}
          canManage={canManage}
          saving={saving}
          onToggle={(roleId, code, on) =>
            setDraft((d) => {
              const s = new Set(d[roleId] ?? []);
              if (on) s.add(code);
              else s.delete(code);
              return { ...d, [roleId]: s };
            })
          }
          onSave={(r) => save.mutate(r)}
          onReset={(r) => setDraft((d) => ({ ...d, [r.id]: new Set(r.permissions) }))}
          onEdit={(r) => setDialog({ open: true, role: r })}
          onDelete={(r) => void askDelete(r)}
        />
      )}
      {canManage ? <p className="mt-3 text-xs text-muted-foreground">{t('role.matrixHelp')}</p> : null}
      <RoleFormDialog open={dialog.open} onOpenChange={(open) => setDialog((d) => ({ ...d, open }))} role={dialog.role} roles={roles.data ?? []} />
    </div>
  );
}
