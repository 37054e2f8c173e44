import * as React from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { riskBand, riskScore, type TRiskDetail, type TRiskSettings } from '@persada/shared';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Form, FormDialogFooter, SelectField, TextField, TextareaField, toast } from '@/components/form';
import { SystemPicker, type SystemValue } from '@/components/pickers';
import { applyServerErrors } from '@/lib/form-errors';
import { LEVELS, risksApi } from '../api';
import { LevelBadge } from './level-badge';

type Values = Record<string, any>;

const toForm = (r: TRiskDetail | null, contextId?: string): Values => ({
  contextId: r?.contextId ?? contextId ?? '',
  kind: r?.kind ?? 'negative',
  objective: r?.objective ?? '',
  assetName: r?.assetName ?? '',
  // the linked systems record, or (older rows) a typed label kept as it is
  asset: (r?.applicationId && r.assetEntity ? { entity: r.assetEntity, id: r.applicationId, label: r.applicationName ?? '' } : null) as SystemValue,
  typedApplication: r && !r.applicationId ? (r.applicationName ?? '') : '',
  threat: r?.threat ?? '',
  vulnerability: r?.vulnerability ?? '',
  event: r?.event ?? '',
  cause: r?.cause ?? '',
  impact: r?.impact ?? '',
  category: r?.category ?? '',
  area: r?.area ?? '',
  existingControls: r?.existingControls ?? '',
  inherentL: r ? String(r.inherent.likelihood) : '',
  inherentI: r ? String(r.inherent.impact) : '',
  currentL: r && (r.current.likelihood !== r.inherent.likelihood || r.current.impact !== r.inherent.impact) ? String(r.current.likelihood) : '',
  currentI: r && (r.current.likelihood !== r.inherent.likelihood || r.current.impact !== r.inherent.impact) ? String(r.current.impact) : '',
  residualL: r?.residual ? String(r.residual.likelihood) : '',
  residualI: r?.residual ? String(r.residual.impact) : '',
  override: r?.needsTreatmentOverride == null ? 'auto' : r.needsTreatmentOverride ? 'yes' : 'no',
  overrideReason: r?.overrideReason ?? '',
});

const num = (v: unknown) => (v === '' || v == null ? null : Number(v));

function fromForm(v: Values) {
  const { asset, typedApplication, ...rest } = v;
  return {
    ...rest,
    assetEntity: asset?.entity ?? null,
    applicationId: asset?.id ?? null,
    applicationName: asset ? asset.label : typedApplication || null,
    inherentL: num(v.inherentL) as number,
    inherentI: num(v.inherentI) as number,
    currentL: num(v.currentL),
    currentI: num(v.currentI),
    residualL: num(v.residualL),
    residualI: num(v.residualI),
    needsTreatmentOverride: v.override === 'auto' ? null : v.override === 'yes',
    overrideReason: v.override === 'auto' ? null : v.overrideReason,
    override: undefined,
  } as any;
}

/** Live score and level from the tenant matrix as the user picks likelihood and impact. */
function LiveScore({ settings, l, i, label, testId }: { settings: TRiskSettings; l: unknown; i: unknown; label: string; testId: string }) {
  const { t } = useTranslation();
  const L = num(l);
  const I = num(i);
  const score = L && I ? riskScore(settings, L, I) : null;
  const band = riskBand(settings, score);
  return (
    <div className="flex flex-col gap-1.5" data-testid={testId} aria-live="polite">
      <span className="text-sm font-medium">{label}</span>
      {score && band ? <LevelBadge rating={{ score, levelName: band.name, color: band.color }} className="h-9 text-sm" /> : <span className="text-sm text-muted-foreground">{t('risks.form.pickLevels')}</span>}
    </div>
  );
}

/** Create or edit a register row (Form 3.0). */
export function RiskFormDialog({
  open,
  onOpenChange,
  risk,
  contextId,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  risk: TRiskDetail | null;
  contextId?: string;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const settings = useQuery({ queryKey: ['risk-settings'], queryFn: risksApi.settings, staleTime: 60_000, enabled: open });
  const contexts = useQuery({ queryKey: ['risk-contexts', 'options'], queryFn: () => risksApi.contexts({ pageSize: 200 }), enabled: open });
  const form = useForm<Values>({ defaultValues: toForm(risk, contextId) });
  React.useEffect(() => {
    if (open) form.reset(toForm(risk, contextId));
  }, [open, risk, contextId, form]);
  const watched = useWatch({ control: form.control, name: ['kind', 'inherentL', 'inherentI', 'currentL', 'currentI', 'residualL', 'residualI', 'override'] });
  const w: Values = Object.fromEntries(['kind', 'inherentL', 'inherentI', 'currentL', 'currentI', 'residualL', 'residualI', 'override'].map((k, n) => [k, watched[n]]));

  const save = useMutation({
    mutationFn: (v: Values) => (risk ? risksApi.updateRisk(risk.id, fromForm(v)) : risksApi.createRisk(fromForm(v))),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['risks'] });
      void qc.invalidateQueries({ queryKey: ['risk-contexts'] });
      toast.success(risk ? t('risks.form.updated') : t('risks.form.created'));
      onOpenChange(false);
      if (!risk) void navigate({ to: '/risiko/$riskId', params: { riskId: r.id } });
    },
    onError: (e) => applyServerErrors(e, form.setError as any),
  });

  const s = settings.data;
  const levelOpts = (names: { level: number; name: string }[] | undefined) =>
    LEVELS.map((l) => ({ value: String(l), label: `${l} – ${names?.find((n) => n.level === l)?.name ?? ''}` }));
  const kind = w.kind ?? 'negative';

  return (
    <Dialog open={open} onOpenChange={(o) => !save.isPending && onOpenChange(o)}>
      <DialogContent size="xl" className="max-h-[92vh] overflow-y-auto">
        <DialogHeader>
          <DialogTitle>{risk ? t('risks.form.editTitle') : t('risks.form.createTitle')}</DialogTitle>
          <DialogDescription>{t('risks.form.help')}</DialogDescription>
        </DialogHeader>
        <Form form={form} onSubmit={(v) => save.mutate(v)}>
          <div className="grid gap-4 sm:grid-cols-3">
            <SelectField
              name="contextId"
              label={t('risks.form.context')}
              required
              placeholder={t('risks.form.chooseContext')}
              options={(contexts.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.opdName} — ${c.year}` }))}
              className="sm:col-span-2"
            />
            <SelectField name="kind" label={t('risks.kind')} options={(['negative', 'positive'] as const).map((k) => ({ value: k, label: t(`risks.kinds.${k}`) }))} />
            <TextField name="objective" label={t('risks.objective')} className="sm:col-span-3" />
            <TextField name="assetName" label={t('risks.asset')} required />
            <Controller
              control={form.control}
              name="asset"
              render={({ field, fieldState }) => (
                <SystemPicker
                  id="risk-asset-system"
                  className="sm:col-span-2"
                  label={t('risks.application')}
                  description={
                    form.getValues('typedApplication') && !field.value
                      ? t('risks.form.typedApplication', { label: form.getValues('typedApplication') })
                      : t('risks.form.applicationHelp')
                  }
                  error={fieldState.error?.message ?? (form.formState.errors.applicationId?.message as string | undefined)}
                  value={field.value}
                  onChange={(v) => {
                    field.onChange(v);
                    form.clearErrors('applicationId');
                    if (v) form.setValue('typedApplication', '');
                  }}
                />
              )}
            />
            <TextField name="threat" label={t('risks.threat')} />
            <TextField name="vulnerability" label={t('risks.vulnerability')} />
            <TextareaField name="event" label={t('risks.event')} required rows={2} className="sm:col-span-2" />
            <TextareaField name="cause" label={t('risks.cause')} rows={2} />
            <TextareaField name="impact" label={t('risks.impactDescription')} rows={2} className="sm:col-span-2" />
            <SelectField
              name="category"
              label={t('risks.category')}
              required
              placeholder={t('risks.form.choose')}
              options={(s?.categories ?? []).filter((c) => c.kind === 'both' || c.kind === kind).map((c) => ({ value: c.code, label: c.name }))}
            />
            <SelectField name="area" label={t('risks.area')} required placeholder={t('risks.form.choose')} options={(s?.areas ?? []).map((a) => ({ value: a.code, label: a.name }))} />
            <TextareaField name="existingControls" label={t('risks.existingControls')} rows={2} className="sm:col-span-2" />
          </div>

          <fieldset className="grid gap-4 rounded-md border p-3 sm:grid-cols-3">
            <legend className="px-1 text-sm font-semibold">{t('risks.inherent')}</legend>
            <SelectField name="inherentL" label={t('risks.likelihood')} required placeholder={t('risks.form.choose')} options={levelOpts(s?.likelihood)} />
            <SelectField name="inherentI" label={t('risks.impact')} required placeholder={t('risks.form.choose')} options={levelOpts(s?.impact)} />
            {s ? <LiveScore settings={s} l={w.inherentL} i={w.inherentI} label={t('risks.scoreLevel')} testId="live-inherent" /> : null}
          </fieldset>
          <fieldset className="grid gap-4 rounded-md border p-3 sm:grid-cols-3">
            <legend className="px-1 text-sm font-semibold">{t('risks.current')}</legend>
            <SelectField name="currentL" label={t('risks.likelihood')} placeholder={t('risks.form.sameAsInherent')} options={levelOpts(s?.likelihood)} />
            <SelectField name="currentI" label={t('risks.impact')} placeholder={t('risks.form.sameAsInherent')} options={levelOpts(s?.impact)} />
            {s ? <LiveScore settings={s} l={w.currentL || w.inherentL} i={w.currentI || w.inherentI} label={t('risks.scoreLevel')} testId="live-current" /> : null}
          </fieldset>
          <fieldset className="grid gap-4 rounded-md border p-3 sm:grid-cols-3">
            <legend className="px-1 text-sm font-semibold">{t('risks.residual')}</legend>
            <SelectField name="residualL" label={t('risks.likelihood')} placeholder={t('risks.form.none')} options={levelOpts(s?.likelihood)} />
            <SelectField name="residualI" label={t('risks.impact')} placeholder={t('risks.form.none')} options={levelOpts(s?.impact)} />
            {s ? <LiveScore settings={s} l={w.residualL} i={w.residualI} label={t('risks.scoreLevel')} testId="live-residual" /> : null}
          </fieldset>
          <div className="grid gap-4 sm:grid-cols-3">
            <SelectField
              name="override"
              label={t('risks.form.decision')}
              description={t('risks.form.decisionHelp')}
              options={[
                { value: 'auto', label: t('risks.form.decisionAuto') },
                { value: 'yes', label: t('risks.form.decisionYes') },
                { value: 'no', label: t('risks.form.decisionNo') },
              ]}
            />
            {w.override && w.override !== 'auto' ? <TextareaField name="overrideReason" label={t('risks.overrideReason')} required rows={2} className="sm:col-span-2" /> : null}
          </div>
          <FormDialogFooter pending={save.isPending} onCancel={() => onOpenChange(false)} />
        </Form>
      </DialogContent>
    </Dialog>
  );
}
