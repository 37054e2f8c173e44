import * as React from 'react';
import { useForm } from 'react-hook-form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ZOpdInput, type TOpd } from '@persada/shared';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { CheckboxField, Form, SelectField, TextField, TextareaField, toast, FormDialogFooter } from '@/components/form';
import { applyServerErrors } from '@/lib/form-errors';
import { zr } from '@/lib/zod-i18n';
import { opdKinds, orgApi } from '../api';

const empty = { code: '', name: '', shortName: '', kind: 'dinas', isPersandianDinas: false, address: '', email: null };

function toForm(o: TOpd | null) {
  if (!o) return { ...empty };
  return {
    code: o.code,
    name: o.name,
    shortName: o.shortName ?? '',
    kind: o.kind,
    isPersandianDinas: o.isPersandianDinas,
    address: o.address ?? '',
    email: o.email ?? null,
  };
}

/** Create (opd = null) or edit an OPD. */
export function OpdFormDialog({ open, onOpenChange, opd }: { open: boolean; onOpenChange: (o: boolean) => void; opd: TOpd | null }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useForm({ resolver: zr(ZOpdInput), defaultValues: toForm(opd) as any });

  React.useEffect(() => {
    if (open) form.reset(toForm(opd) as any);
  }, [open, opd, form]);

  const save = useMutation({
    mutationFn: (v: any) => (opd ? orgApi.updateOpd(opd.id, v) : orgApi.createOpd(v)),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['opds'] });
      toast.success(opd ? t('opd.updated') : t('opd.created'));
      onOpenChange(false);
    },
    onError: (e) => applyServerErrors(e, form.setError),
  });

  return (
    <Dialog open={open} onOpenChange={(o) => !save.isPending && onOpenChange(o)}>
      <DialogContent size="lg">
        <DialogHeader>
          <DialogTitle>{opd ? t('opd.editTitle') : t('opd.createTitle')}</DialogTitle>
          <DialogDescription>{t('opd.formHelp')}</DialogDescription>
        </DialogHeader>
        <Form form={form} onSubmit={(v) => save.mutate(v)}>
          <div className="grid gap-4 sm:grid-cols-3">
            <TextField name="code" label={t('opd.code')} required autoFocus />
            <TextField name="name" label={t('opd.name')} required className="sm:col-span-2" />
            <TextField name="shortName" label={t('opd.shortName')} />
            <SelectField
              name="kind"
              label={t('opd.kind')}
              options={opdKinds.map((k) => ({ value: k, label: t(`enums.opdKind.${k}`) }))}
              className="sm:col-span-2"
            />
            <CheckboxField
              name="isPersandianDinas"
              label={t('opd.isPersandianDinas')}
              description={t('opd.isPersandianDinasHelp')}
              className="sm:col-span-3"
            />
            <TextareaField name="address" label={t('common.address')} rows={2} className="sm:col-span-3" />
            <TextField name="email" label={t('common.email')} type="email" emptyAsNull className="sm:col-span-2" />
          </div>
          <FormDialogFooter pending={save.isPending} onCancel={() => onOpenChange(false)} />
        </Form>
      </DialogContent>
    </Dialog>
  );
}
