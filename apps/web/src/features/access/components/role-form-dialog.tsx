import * as React from 'react';
import { useForm } from 'react-hook-form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ZRoleInput } from '@persada/shared';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Form, TextField, TextareaField, toast, FormDialogFooter } from '@/components/form';
import { applyServerErrors } from '@/lib/form-errors';
import { zr } from '@/lib/zod-i18n';
import { accessApi, type Role } from '../api';

const ZRoleEdit = ZRoleInput.omit({ code: true });

/** Create a custom role (optionally copying the permissions of another role) or rename one. */
export function RoleFormDialog({
  open,
  onOpenChange,
  role,
  roles,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  role: Role | null;
  roles: Role[];
}) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [copyFrom, setCopyFrom] = React.useState('');
  const initial = React.useMemo(
    () => ({
      code: role?.code ?? '',
      name: role?.name ?? '',
      nameEn: role?.nameEn ?? '',
      description: role?.description ?? '',
      permissions: role?.permissions ?? [],
    }),
    [role],
  );
  const form = useForm({ resolver: zr(role ? ZRoleEdit : ZRoleInput), defaultValues: initial as any });
  React.useEffect(() => {
    if (open) {
      form.reset(initial as any);
      setCopyFrom('');
    }
  }, [open, initial, form]);

  const save = useMutation({
    mutationFn: (v: any) => {
      if (role) {
        const { code: _code, ...rest } = v;
        return accessApi.updateRole(role.id, { ...rest, permissions: role.permissions });
      }
      const source = roles.find((r) => r.id === copyFrom);
      return accessApi.createRole({ ...v, permissions: source ? source.permissions : [] });
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['roles'] });
      toast.success(role ? t('common.saved') : t('role.created'));
      onOpenChange(false);
    },
    onError: (e) => applyServerErrors(e, form.setError),
  });

  return (
    <Dialog open={open} onOpenChange={(o) => !save.isPending && onOpenChange(o)}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{role ? t('role.editTitle') : t('role.createTitle')}</DialogTitle>
          <DialogDescription>{t('role.formHelp')}</DialogDescription>
        </DialogHeader>
        <Form form={form} onSubmit={(v) => save.mutate(v)}>
          {role ? null : <TextField name="code" label={t('role.code')} description={t('role.codeHelp')} required autoFocus />}
          <TextField name="name" label={t('role.name')} required />
          <TextField name="nameEn" label={t('role.nameEn')} required />
          <TextareaField name="description" label={t('role.descriptionLabel')} rows={2} />
          {role ? null : (
            <div className="flex flex-col gap-1.5">
              <label htmlFor="role-copy-from" className="text-sm font-medium">
                {t('role.copyFrom')}
              </label>
              <select
                id="role-copy-from"
                className="flex h-9 w-full rounded-md border border-input bg-background px-3 text-sm shadow-sm"
                value={copyFrom}
                onChange={(e) => setCopyFrom(e.target.value)}
              >
                <option value="">{t('role.copyNone')}</option>
                {roles.map((r) => (
                  <option key={r.id} value={r.id}>
                    {i18n.language === 'en' ? r.nameEn : r.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <FormDialogFooter pending={save.isPending} onCancel={() => onOpenChange(false)} />
        </Form>
      </DialogContent>
    </Dialog>
  );
}
