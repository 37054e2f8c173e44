import * as React from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ZPositionInput, type TPosition } from '@persada/shared';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { CheckboxField, Form, SelectField, TextField, toast, FormDialogFooter } from '@/components/form';
import { applyServerErrors } from '@/lib/form-errors';
import { useOpdOptions, useUnitOptions } from '@/lib/lookups';
import { zr } from '@/lib/zod-i18n';
import { orgApi, positionKinds } from '../api';

export function PositionFormDialog({
  open,
  onOpenChange,
  position,
  defaultOpdId,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  position: TPosition | null;
  defaultOpdId?: string;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const opds = useOpdOptions();
  const initial = React.useMemo(
    () => ({
      opdId: position?.opdId ?? defaultOpdId ?? '',
      unitId: position?.unitId ?? null,
      name: position?.name ?? '',
      kind: position?.kind ?? 'struktural',
      isHead: position?.isHead ?? false,
    }),
    [position, defaultOpdId],
  );
  const form = useForm({ resolver: zr(ZPositionInput), defaultValues: initial as any });
  React.useEffect(() => {
    if (open) form.reset(initial as any);
  }, [open, initial, form]);

  const opdId = useWatch({ control: form.control, name: 'opdId' }) as string;
  const unitOptions = useUnitOptions(opdId);

  const save = useMutation({
    mutationFn: (v: any) => (position ? orgApi.updatePosition(position.id, v) : orgApi.createPosition(v)),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['positions'] });
      toast.success(t('common.saved'));
      onOpenChange(false);
    },
    onError: (e) => applyServerErrors(e, form.setError),
  });

  return (
    <Dialog open={open} onOpenChange={(o) => !save.isPending && onOpenChange(o)}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{position ? t('position.editTitle') : t('position.createTitle')}</DialogTitle>
          <DialogDescription>{t('position.formHelp')}</DialogDescription>
        </DialogHeader>
        <Form form={form} onSubmit={(v) => save.mutate(v)}>
          <SelectField
            name="opdId"
            label={t('common.opd')}
            required
            placeholder={t('common.chooseOpd')}
            options={opds.data ?? []}
            onChange={() => form.setValue('unitId', null)}
          />
          <SelectField name="unitId" label={t('common.unit')} options={unitOptions} placeholder={t('unit.none')} emptyAsNull disabled={!opdId} />
          <TextField name="name" label={t('position.name')} required />
          <SelectField name="kind" label={t('position.kind')} options={positionKinds.map((k) => ({ value: k, label: t(`enums.positionKind.${k}`) }))} />
          <CheckboxField name="isHead" label={t('position.isHead')} description={t('position.isHeadHelp')} />
          <FormDialogFooter pending={save.isPending} onCancel={() => onOpenChange(false)} />
        </Form>
      </DialogContent>
    </Dialog>
  );
}
