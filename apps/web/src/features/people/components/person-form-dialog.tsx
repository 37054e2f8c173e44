import * as React from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ZPersonInput, type TPerson } from '@persada/shared';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Form, SelectField, TextField, toast, FormDialogFooter } from '@/components/form';
import { applyServerErrors } from '@/lib/form-errors';
import { useOpdOptions, useUnitOptions } from '@/lib/lookups';
import { zr } from '@/lib/zod-i18n';
import { peopleApi, personKinds } from '../api';

export function personToForm(p: TPerson | null, defaultOpdId?: string) {
  return {
    fullName: p?.fullName ?? '',
    frontTitle: p?.frontTitle ?? '',
    backTitle: p?.backTitle ?? '',
    kind: p?.kind ?? 'asn',
    nip: p?.nip ?? '',
    nik: p?.nik ?? '',
    email: p?.email ?? '',
    phone: p?.phone ?? '',
    opdId: p?.opdId ?? defaultOpdId ?? '',
    unitId: p?.unitId ?? null,
    rank: p?.rank ?? '',
  };
}

/** Create (person = null) or edit a person; NIP/NIK are validated by the shared schema. */
export function PersonFormDialog({
  open,
  onOpenChange,
  person,
  defaultOpdId,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  person: TPerson | null;
  defaultOpdId?: string;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const opds = useOpdOptions();
  const initial = React.useMemo(() => personToForm(person, defaultOpdId), [person, defaultOpdId]);
  const form = useForm({ resolver: zr(ZPersonInput), defaultValues: initial as any });
  React.useEffect(() => {
    if (open) form.reset(initial as any);
  }, [open, initial, form]);

  const kind = useWatch({ control: form.control, name: 'kind' }) as string;
  const opdId = useWatch({ control: form.control, name: 'opdId' }) as string;
  const unitOptions = useUnitOptions(opdId);

  const save = useMutation({
    mutationFn: (v: any) => (person ? peopleApi.update(person.id, v) : peopleApi.create(v)),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['people'] });
      void qc.invalidateQueries({ queryKey: ['opds'] });
      toast.success(person ? t('person.updated') : t('person.created'));
      onOpenChange(false);
    },
    onError: (e) => applyServerErrors(e, form.setError),
  });

  const asn = kind === 'asn' || kind === 'pppk';

  return (
    <Dialog open={open} onOpenChange={(o) => !save.isPending && onOpenChange(o)}>
      <DialogContent size="lg">
        <DialogHeader>
          <DialogTitle>{person ? t('person.editTitle') : t('person.createTitle')}</DialogTitle>
          <DialogDescription>{t('person.formHelp')}</DialogDescription>
        </DialogHeader>
        <Form form={form} onSubmit={(v) => save.mutate(v)}>
          <div className="grid gap-4 sm:grid-cols-6">
            <TextField name="frontTitle" label={t('person.frontTitle')} className="sm:col-span-1" />
            <TextField name="fullName" label={t('person.fullName')} required autoFocus className="sm:col-span-3" />
            <TextField name="backTitle" label={t('person.backTitle')} className="sm:col-span-2" />
            <SelectField
              name="kind"
              label={t('person.kind')}
              options={personKinds.map((k) => ({ value: k, label: t(`enums.personKind.${k}`) }))}
              className="sm:col-span-2"
            />
            <TextField
              name="nip"
              label="NIP"
              inputMode="numeric"
              maxLength={18}
              required={asn}
              description={t('person.nipHelp')}
              className="sm:col-span-4"
            />
            <TextField
              name="nik"
              label="NIK"
              inputMode="numeric"
              maxLength={16}
              required={!asn}
              description={t('person.nikHelp')}
              className="sm:col-span-3"
            />
            <TextField name="rank" label={t('person.rank')} className="sm:col-span-3" />
            <TextField name="email" label={t('common.email')} type="email" required description={t('person.emailHelp')} className="sm:col-span-3" />
            <TextField name="phone" label={t('common.phone')} type="tel" className="sm:col-span-3" />
            <SelectField
              name="opdId"
              label={t('common.opd')}
              required
              placeholder={t('common.chooseOpd')}
              options={opds.data ?? []}
              onChange={() => form.setValue('unitId', null)}
              className="sm:col-span-3"
            />
            <SelectField
              name="unitId"
              label={t('common.unit')}
              options={unitOptions}
              placeholder={t('unit.none')}
              emptyAsNull
              disabled={!opdId}
              className="sm:col-span-3"
            />
          </div>
          <FormDialogFooter pending={save.isPending} onCancel={() => onOpenChange(false)} />
        </Form>
      </DialogContent>
    </Dialog>
  );
}
