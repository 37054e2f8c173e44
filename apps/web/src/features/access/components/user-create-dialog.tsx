import * as React from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Loader2 } from 'lucide-react';
import { ZUserInput } from '@persada/shared';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Button } from '@/components/ui/button';
import { Form, SelectField, TextField, toast } from '@/components/form';
import { OneTimeSecret } from '@/components/layout/one-time-secret';
import { applyServerErrors } from '@/lib/form-errors';
import { personDisplayName, useOpdOptions, usePeopleOptions } from '@/lib/lookups';
import { zr } from '@/lib/zod-i18n';
import { accessApi, rolesQuery } from '../api';
import { RoleAssignmentEditor } from './role-assignment-editor';

const initial = { personId: '', email: '', roles: [] as { roleId: string; opdId: string | null }[] };

/** Creates a login for an existing person; shows the one-time temporary password. */
export function UserCreateDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (o: boolean) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [q, setQ] = React.useState('');
  const people = usePeopleOptions({ q, enabled: open });
  const roles = useQuery({ ...rolesQuery, enabled: open });
  const opds = useOpdOptions(open);
  const [created, setCreated] = React.useState<{ email: string; password: string } | null>(null);
  const form = useForm({ resolver: zr(ZUserInput), defaultValues: initial as any });

  React.useEffect(() => {
    if (open) {
      form.reset(initial as any);
      setCreated(null);
      setQ('');
    }
  }, [open, form]);

  const candidates = (people.data ?? []).filter((p) => !p.hasUser);
  const personId = useWatch({ control: form.control, name: 'personId' }) as string;
  React.useEffect(() => {
    const p = candidates.find((c) => c.id === personId);
    if (p && !form.getValues('email')) form.setValue('email', p.email);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [personId]);

  const save = useMutation({
    mutationFn: (v: any) => accessApi.createUser(v),
    onSuccess: (res, v) => {
      void qc.invalidateQueries({ queryKey: ['users'] });
      void qc.invalidateQueries({ queryKey: ['people'] });
      setCreated({ email: v.email, password: res.temporaryPassword });
      toast.success(t('user.created'));
    },
    onError: (e) => applyServerErrors(e, form.setError),
  });

  return (
    <Dialog open={open} onOpenChange={(o) => !save.isPending && onOpenChange(o)}>
      <DialogContent size="lg">
        <DialogHeader>
          <DialogTitle>{created ? t('user.createdTitle') : t('user.createTitle')}</DialogTitle>
          <DialogDescription>{created ? created.email : t('user.createHelp')}</DialogDescription>
        </DialogHeader>
        {created ? (
          <>
            <OneTimeSecret label={t('user.temporaryPassword')} value={created.password} note={t('user.temporaryPasswordNote')} />
            <DialogFooter>
              <Button onClick={() => onOpenChange(false)}>{t('common.done')}</Button>
            </DialogFooter>
          </>
        ) : (
          <Form form={form} onSubmit={(v) => save.mutate(v)}>
            <div className="grid gap-4 sm:grid-cols-2">
              <div className="flex flex-col gap-1.5">
                <label htmlFor="user-person-search" className="text-sm font-medium">
                  {t('user.findPerson')}
                </label>
                <input
                  id="user-person-search"
                  type="search"
                  className="flex h-9 w-full rounded-md border border-input bg-background px-3 text-sm shadow-sm"
                  value={q}
                  onChange={(e) => setQ(e.target.value)}
                  placeholder={t('person.searchPlaceholder')}
                />
              </div>
              <SelectField
                name="personId"
                label={t('user.person')}
                required
                placeholder={people.isLoading ? t('common.loading') : t('user.choosePerson')}
                options={candidates.map((p) => ({ value: p.id, label: `${personDisplayName(p)}${p.opdName ? ` — ${p.opdName}` : ''}` }))}
              />
              <TextField name="email" label={t('user.loginEmail')} type="email" required className="sm:col-span-2" />
            </div>
            <Controller
              control={form.control}
              name="roles"
              render={({ field, fieldState }) => (
                <RoleAssignmentEditor
                  roles={roles.data ?? []}
                  opds={opds.data ?? []}
                  value={field.value}
                  onChange={field.onChange}
                  error={fieldState.error?.message ?? (fieldState.error as any)?.root?.message}
                />
              )}
            />
            <DialogFooter>
              <Button variant="outline" onClick={() => onOpenChange(false)} disabled={save.isPending}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" disabled={save.isPending}>
                {save.isPending ? <Loader2 className="animate-spin" /> : null}
                {t('user.create')}
              </Button>
            </DialogFooter>
          </Form>
        )}
      </DialogContent>
    </Dialog>
  );
}
