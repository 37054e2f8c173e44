import * as React from 'react';
import { useForm } from 'react-hook-form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ZAssignHolderInput, type TPosition } from '@persada/shared';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { CheckboxField, DateField, Form, SelectField, TextField, toast, useConfirm, FormDialogFooter } from '@/components/form';
import { applyServerErrors } from '@/lib/form-errors';
import { personDisplayName, usePeopleOptions } from '@/lib/lookups';
import { todayIso } from '@/lib/utils';
import { zr } from '@/lib/zod-i18n';
import { orgApi } from '../api';

/** Appoints a person to a position (or vacates it with "— Kosongkan jabatan —"). */
export function AssignHolderDialog({ open, onOpenChange, position }: { open: boolean; onOpenChange: (o: boolean) => void; position: TPosition | null }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const confirm = useConfirm();
  const people = usePeopleOptions({ opdId: position?.opdId, enabled: open && !!position });
  const initial = React.useMemo(
    () => ({ personId: position?.holderPersonId ?? null, startDate: todayIso(), acting: false, decreeNumber: '' }),
    [position],
  );
  const form = useForm({ resolver: zr(ZAssignHolderInput), defaultValues: initial as any });
  React.useEffect(() => {
    if (open) form.reset(initial as any);
  }, [open, initial, form]);

  const save = useMutation({
    mutationFn: (v: any) => orgApi.assignHolder(position!.id, v),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['positions'] });
      void qc.invalidateQueries({ queryKey: ['opds'] });
      void qc.invalidateQueries({ queryKey: ['people'] });
      toast.success(t('position.holderSaved'));
      onOpenChange(false);
    },
    onError: (e) => applyServerErrors(e, form.setError),
  });

  const submit = async (v: any) => {
    // Vacating a position removes the current holder: confirm first.
    if (v.personId === null && position?.holderPersonId) {
      const ok = await confirm({ title: t('position.vacateTitle'), description: t('position.vacateDescription', { name: position.holderName ?? '' }), confirmLabel: t('position.vacate') });
      if (!ok) return;
    }
    save.mutate(v);
  };

  return (
    <Dialog open={open} onOpenChange={(o) => !save.isPending && onOpenChange(o)}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t('position.assignTitle')}</DialogTitle>
          <DialogDescription>{position?.name}</DialogDescription>
        </DialogHeader>
        <Form form={form} onSubmit={(v) => void submit(v)}>
          <SelectField
            name="personId"
            label={t('position.holder')}
            placeholder={t('position.vacantOption')}
            emptyAsNull
            options={(people.data ?? []).map((p) => ({ value: p.id, label: `${personDisplayName(p)}${p.nip ? ` — ${p.nip}` : ''}` }))}
            description={people.isLoading ? t('common.loading') : t('position.holderHelp')}
          />
          <DateField name="startDate" label={t('position.startDate')} required />
          <TextField name="decreeNumber" label={t('position.decreeNumber')} />
          <CheckboxField name="acting" label={t('position.acting')} />
          <FormDialogFooter pending={save.isPending} onCancel={() => onOpenChange(false)} />
        </Form>
      </DialogContent>
    </Dialog>
  );
}
