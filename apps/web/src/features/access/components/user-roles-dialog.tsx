import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Loader2 } from 'lucide-react';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/form';
import { useOpdOptions } from '@/lib/lookups';
import { accessApi, rolesQuery, type RoleGrant, type User } from '../api';
import { RoleAssignmentEditor } from './role-assignment-editor';

export function UserRolesDialog({ open, onOpenChange, user }: { open: boolean; onOpenChange: (o: boolean) => void; user: User | null }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const roles = useQuery({ ...rolesQuery, enabled: open });
  const opds = useOpdOptions(open);
  const [value, setValue] = React.useState<RoleGrant[]>([]);
  const [error, setError] = React.useState<string | undefined>();

  React.useEffect(() => {
    if (open && user) {
      setValue(user.roles.map((r) => ({ roleId: r.roleId, opdId: r.opdId })));
      setError(undefined);
    }
  }, [open, user]);

  const save = useMutation({
    mutationFn: () => accessApi.setRoles(user!.id, value),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['users'] });
      void qc.invalidateQueries({ queryKey: ['roles'] });
      void qc.invalidateQueries({ queryKey: ['me'] });
      toast.success(t('user.rolesSaved'));
      onOpenChange(false);
    },
  });

  return (
    <Dialog open={open} onOpenChange={(o) => !save.isPending && onOpenChange(o)}>
      <DialogContent size="lg">
        <DialogHeader>
          <DialogTitle>{t('user.editRolesTitle')}</DialogTitle>
          <DialogDescription>
            {user?.displayName} · {user?.email}
          </DialogDescription>
        </DialogHeader>
        <RoleAssignmentEditor roles={roles.data ?? []} opds={opds.data ?? []} value={value} onChange={setValue} error={error} />
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)} disabled={save.isPending}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={save.isPending}
            onClick={() => {
              if (value.length === 0) {
                setError(t('user.rolesRequired'));
                return;
              }
              save.mutate();
            }}
          >
            {save.isPending ? <Loader2 className="animate-spin" /> : null}
            {t('common.save')}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
