import * as React from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { riskBand, riskScore, treatmentOptions, treatmentStatuses, type TRiskDetail, type TRiskSettings, type TTreatment } from '@persada/shared';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { DateField, Form, FormDialogFooter, SelectField, TextField, TextareaField, toast } from '@/components/form';
import { applyServerErrors } from '@/lib/form-errors';
import { LEVELS, risksApi } from '../api';
import { LevelBadge } from './level-badge';

type Values = Record<string, any>;
const num = (v: unknown) => (v === '' || v == null ? null : Number(v));
const levelOptions = (names: { level: number; name: string }[]) => LEVELS.map((l) => ({ value: String(l), label: `${l} – ${names.find((n) => n.level === l)?.name ?? ''}` }));

function Preview({ settings, l, i }: { settings: TRiskSettings; l: unknown; i: unknown }) {
  const L = num(l);
  const I = num(i);
  const score = L && I ? riskScore(settings, L, I) : null;
  const band = riskBand(settings, score);
  return score && band ? <LevelBadge rating={{ score, levelName: band.name, color: band.color }} className="h-9 self-end text-sm" /> : <span />;
}

/** Add or edit a treatment plan row (Form 4.0). */
export function TreatmentDialog({
  open,
  onOpenChange,
  risk,
  settings,
  treatment,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  risk: TRiskDetail;
  settings: TRiskSettings;
  treatment: TTreatment | null;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const initial = React.useCallback(
    (): Values => ({
      option: treatment?.option ?? treatmentOptions[risk.kind][0],
      action: treatment?.action ?? '',
      output: treatment?.output ?? '',
      startDate: treatment?.startDate ?? '',
      endDate: treatment?.endDate ?? '',
      ownerName: treatment?.ownerName ?? '',
      targetL: treatment?.target ? String(treatment.target.likelihood) : '',
      targetI: treatment?.target ? String(treatment.target.impact) : '',
      status: treatment?.status ?? 'planned',
    }),
    [treatment, risk.kind],
  );
  const form = useForm<Values>({ defaultValues: initial() });
  React.useEffect(() => {
    if (open) form.reset(initial());
  }, [open, form, initial]);
  const w = useWatch({ control: form.control }) as Values;
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = { ...v, startDate: v.startDate || null, endDate: v.endDate || null, targetL: num(v.targetL), targetI: num(v.targetI) } as any;
      return treatment ? risksApi.updateTreatment(treatment.id, body) : risksApi.addTreatment(risk.id, body);
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['risks'] });
      toast.success(t('risks.plan.saved'));
      onOpenChange(false);
    },
    onError: (e) => applyServerErrors(e, form.setError as any),
  });
  return (
    <Dialog open={open} onOpenChange={(o) => !save.isPending && onOpenChange(o)}>
      <DialogContent size="lg">
        <DialogHeader>
          <DialogTitle>{treatment ? t('risks.plan.editTitle') : t('risks.plan.addTitle')}</DialogTitle>
          <DialogDescription>{t('risks.plan.help')}</DialogDescription>
        </DialogHeader>
        <Form form={form} onSubmit={(v) => save.mutate(v)}>
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField name="option" label={t('risks.plan.option')} required options={treatmentOptions[risk.kind].map((o) => ({ value: o, label: t(`risks.options.${o}`) }))} />
            <SelectField name="status" label={t('common.status')} options={treatmentStatuses.map((s) => ({ value: s, label: t(`risks.planStatus.${s}`) }))} />
            <TextareaField name="action" label={t('risks.plan.action')} required rows={3} className="sm:col-span-2" />
            <TextField name="output" label={t('risks.plan.output')} />
            <TextField name="ownerName" label={t('risks.plan.owner')} />
            <DateField name="startDate" label={t('risks.plan.start')} />
            <DateField name="endDate" label={t('risks.plan.end')} />
          </div>
          <fieldset className="grid gap-4 rounded-md border p-3 sm:grid-cols-3">
            <legend className="px-1 text-sm font-semibold">{t('risks.plan.target')}</legend>
            <SelectField name="targetL" label={t('risks.likelihood')} placeholder={t('risks.form.none')} options={levelOptions(settings.likelihood)} />
            <SelectField name="targetI" label={t('risks.impact')} placeholder={t('risks.form.none')} options={levelOptions(settings.impact)} />
            <Preview settings={settings} l={w.targetL} i={w.targetI} />
          </fieldset>
          <FormDialogFooter pending={save.isPending} onCancel={() => onOpenChange(false)} />
        </Form>
      </DialogContent>
    </Dialog>
  );
}

const today = () => new Date().toISOString().slice(0, 10);

/** Add a periodic monitoring entry (Form 5.0). */
export function MonitoringDialog({ open, onOpenChange, risk, settings }: { open: boolean; onOpenChange: (o: boolean) => void; risk: TRiskDetail; settings: TRiskSettings }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const initial = React.useCallback(
    (): Values => ({ date: today(), realisation: '', currentL: String(risk.current.likelihood), currentI: String(risk.current.impact), notes: '' }),
    [risk],
  );
  const form = useForm<Values>({ defaultValues: initial() });
  React.useEffect(() => {
    if (open) form.reset(initial());
  }, [open, form, initial]);
  const w = useWatch({ control: form.control }) as Values;
  const save = useMutation({
    mutationFn: (v: Values) => risksApi.addMonitoring(risk.id, { ...v, currentL: Number(v.currentL), currentI: Number(v.currentI) } as any),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['risks'] });
      toast.success(t('risks.monitoring.saved'));
      onOpenChange(false);
    },
    onError: (e) => applyServerErrors(e, form.setError as any),
  });
  return (
    <Dialog open={open} onOpenChange={(o) => !save.isPending && onOpenChange(o)}>
      <DialogContent size="lg">
        <DialogHeader>
          <DialogTitle>{t('risks.monitoring.addTitle')}</DialogTitle>
          <DialogDescription>{t('risks.monitoring.help')}</DialogDescription>
        </DialogHeader>
        <Form form={form} onSubmit={(v) => save.mutate(v)}>
          <div className="grid gap-4 sm:grid-cols-3">
            <DateField name="date" label={t('risks.monitoring.date')} required />
            <SelectField name="currentL" label={t('risks.likelihood')} options={levelOptions(settings.likelihood)} />
            <SelectField name="currentI" label={t('risks.impact')} options={levelOptions(settings.impact)} />
            <TextareaField name="realisation" label={t('risks.monitoring.realisation')} required rows={3} className="sm:col-span-2" />
            <Preview settings={settings} l={w.currentL} i={w.currentI} />
            <TextareaField name="notes" label={t('risks.monitoring.notes')} rows={2} className="sm:col-span-3" />
          </div>
          <FormDialogFooter pending={save.isPending} onCancel={() => onOpenChange(false)} />
        </Form>
      </DialogContent>
    </Dialog>
  );
}

/** The risk owner's decision: Setuju / Tidak Setuju (reason required) / back to Belum. */
export function ApprovalDialog({ open, onOpenChange, risk }: { open: boolean; onOpenChange: (o: boolean) => void; risk: TRiskDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useForm<Values>({ defaultValues: { status: 'setuju', reason: '' } });
  React.useEffect(() => {
    if (open) form.reset({ status: 'setuju', reason: '' });
  }, [open, form]);
  const status = useWatch({ control: form.control, name: 'status' });
  const save = useMutation({
    mutationFn: (v: Values) => risksApi.decide(risk.id, { status: v.status, reason: v.reason || null }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['risks'] });
      toast.success(t('risks.approval.saved'));
      onOpenChange(false);
    },
    onError: (e) => applyServerErrors(e, form.setError as any),
  });
  return (
    <Dialog open={open} onOpenChange={(o) => !save.isPending && onOpenChange(o)}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t('risks.approval.dialogTitle')}</DialogTitle>
          <DialogDescription>{t('risks.approval.help', { code: risk.code })}</DialogDescription>
        </DialogHeader>
        <Form form={form} onSubmit={(v) => save.mutate(v)}>
          <SelectField
            name="status"
            label={t('risks.approval.decision')}
            options={(['setuju', 'tidak_setuju', 'belum'] as const).map((s) => ({ value: s, label: t(`risks.approval.${s}`) }))}
          />
          <TextareaField name="reason" label={t('risks.approval.reason')} required={status === 'tidak_setuju'} rows={3} />
          <FormDialogFooter pending={save.isPending} onCancel={() => onOpenChange(false)} submitLabel={t('risks.approval.submit')} />
        </Form>
      </DialogContent>
    </Dialog>
  );
}
