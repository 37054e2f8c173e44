import * as React from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { CheckboxField, DateField, Form, FormDialogFooter, SelectField, TextField, TextareaField, toast } from '@/components/form';
import { usePermission } from '@/lib/auth';
import { applyServerErrors } from '@/lib/form-errors';
import { useOpdOptions } from '@/lib/lookups';
import { zr } from '@/lib/zod-i18n';
import { sysApi, type SysRow } from '../api';
import type { FieldDef, RegisterUi } from '../registers';

function initialValues(def: RegisterUi, row: SysRow | null, defaultOpdId?: string) {
  const v: Record<string, unknown> = {};
  for (const f of def.fields) {
    const current = row?.[f.name];
    if (f.type === 'checkbox') v[f.name] = current ?? f.defaultValue ?? false;
    else if (f.type === 'opd') v[f.name] = current ?? defaultOpdId ?? '';
    else v[f.name] = current ?? f.defaultValue ?? '';
  }
  return v;
}

/** Option lists for reference fields, only fetched when the form needs them. */
function useRefOptions(def: RegisterUi, open: boolean) {
  const need = (t: FieldDef['type']) => open && def.fields.some((f) => f.type === t);
  const apps = useQuery({ queryKey: ['systems', 'application-options'], queryFn: sysApi.appOptions, enabled: need('application') });
  const devices = useQuery({ queryKey: ['systems', 'devices', 'options'], queryFn: () => sysApi.list('devices', { pageSize: 200, sort: 'name' }), enabled: need('device') });
  const parties = useQuery({ queryKey: ['systems', 'third-parties', 'options'], queryFn: () => sysApi.list('third-parties', { pageSize: 200, sort: 'name' }), enabled: need('thirdParty') });
  return {
    application: (apps.data ?? []).map((a) => ({ value: a.id, label: a.name })),
    device: (devices.data?.items ?? []).map((d) => ({ value: d.id, label: String(d.name) })),
    thirdParty: (parties.data?.items ?? []).map((d) => ({ value: d.id, label: String(d.name) })),
  };
}

/** Create (row = null) or edit one record of a register, validated by the shared schema. */
export function RegisterFormDialog({
  def,
  open,
  onOpenChange,
  row,
  defaultOpdId,
}: {
  def: RegisterUi;
  open: boolean;
  onOpenChange: (o: boolean) => void;
  row: SysRow | null;
  defaultOpdId?: string;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const opds = useOpdOptions(open);
  const refs = useRefOptions(def, open);
  const isDinas = usePermission('systems.infra');
  const initial = React.useMemo(() => initialValues(def, row, defaultOpdId), [def, row, defaultOpdId]);
  const form = useForm({ resolver: zr(def.schema), defaultValues: initial as any });
  React.useEffect(() => {
    if (open) form.reset(initial as any);
  }, [open, initial, form]);
  const hosted = useWatch({ control: form.control, name: 'hostedInDataCentre' as any });

  const save = useMutation({
    mutationFn: (v: any) => (row ? sysApi.update(def.path, row.id, v) : sysApi.create(def.path, v)),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['systems'] });
      toast.success(row ? t('systems.common.updated') : t('systems.common.created'));
      onOpenChange(false);
    },
    onError: (e) => applyServerErrors(e, form.setError),
  });

  const label = (f: FieldDef) => t(`systems.fields.${f.name}`);
  const field = (f: FieldDef) => {
    if (f.infraOnly && !isDinas) return null;
    const cls = f.wide || f.type === 'textarea' ? 'sm:col-span-2' : undefined;
    switch (f.type) {
      case 'text':
        return <TextField key={f.name} name={f.name} label={label(f)} required={f.required} className={cls} />;
      case 'textarea':
        return <TextareaField key={f.name} name={f.name} label={label(f)} required={f.required} className={cls} rows={3} />;
      case 'date':
        return <DateField key={f.name} name={f.name} label={label(f)} emptyAsNull className={cls} />;
      case 'checkbox':
        return <CheckboxField key={f.name} name={f.name} label={label(f)} className={cls} />;
      case 'select':
        return (
          <SelectField
            key={f.name}
            name={f.name}
            label={label(f)}
            required={f.required}
            className={cls}
            placeholder={f.required ? undefined : t('systems.common.none')}
            emptyAsNull={!f.required}
            options={(f.values ?? []).map((v) => ({ value: v, label: t(`systems.enums.${f.enumName}.${v}`) }))}
          />
        );
      case 'opd':
        return <SelectField key={f.name} name={f.name} label={t('systems.fields.opdId')} required placeholder={t('systems.common.chooseOpd')} options={opds.data ?? []} className={cls} />;
      default:
        return (
          <SelectField key={f.name} name={f.name} label={label(f)} placeholder={t('systems.common.none')} emptyAsNull options={refs[f.type as 'application']} className={cls} />
        );
    }
  };

  return (
    <Dialog open={open} onOpenChange={(o) => !save.isPending && onOpenChange(o)}>
      <DialogContent size="lg">
        <DialogHeader>
          <DialogTitle>{row ? t(`systems.${def.key}.editTitle`) : t(`systems.${def.key}.createTitle`)}</DialogTitle>
          <DialogDescription>{t(`systems.${def.key}.formHelp`)}</DialogDescription>
        </DialogHeader>
        <Form form={form} onSubmit={(v) => save.mutate(v)}>
          <div className="grid gap-4 sm:grid-cols-2">{def.fields.map(field)}</div>
          {def.path === 'applications' && hosted === false ? (
            <p role="note" className="rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-sm">
              {t('systems.applications.hostingWarning')}
            </p>
          ) : null}
          <FormDialogFooter pending={save.isPending} onCancel={() => onOpenChange(false)} />
        </Form>
      </DialogContent>
    </Dialog>
  );
}
