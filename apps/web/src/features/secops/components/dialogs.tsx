import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { secopsActivityKinds, secopsExecutors, secopsFunctions, secopsSeverities, type TSecopsActivity, type TSecopsFinding } from '@persada/shared';
import { Dialog, DialogContent, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { FormDialogFooter, FormErrors, toast } from '@/components/form';
import { secopsApi } from '../api';
import { Area, Select, Text, todayIso } from './fields';
import { FileField } from '@/components/file-field';

type ActForm = { target: string; function: string; kind: string; title: string; performedOn: string; executor: string; executorName: string; scope: string; result: string; reportFileId: string | null };

/** Records or edits a security-cycle activity; the target is an application, a device or an area. */
export function ActivityDialog({ activity, open, onClose, onSaved }: { activity: TSecopsActivity | null; open: boolean; onClose: () => void; onSaved?: (a: TSecopsActivity) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const targets = useQuery({ queryKey: ['secops', 'targets'], queryFn: () => secopsApi.targets(), enabled: open });
  const empty: ActForm = { target: '', function: 'identifikasi', kind: 'vulnerability_assessment', title: '', performedOn: todayIso(), executor: 'internal', executorName: '', scope: '', result: '', reportFileId: null };
  const [f, setF] = React.useState<ActForm>(empty);
  React.useEffect(() => {
    if (!open) return;
    setF(
      activity
        ? {
            target: `${activity.targetKind}:${activity.applicationId ?? activity.deviceId ?? activity.area}`,
            function: activity.function,
            kind: activity.kind,
            title: activity.title ?? '',
            performedOn: activity.performedOn,
            executor: activity.executor,
            executorName: activity.executorName ?? '',
            scope: activity.scope,
            result: activity.result,
            reportFileId: activity.reportFileId,
          }
        : empty,
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, activity]);
  const save = useMutation({
    mutationFn: () => {
      const [targetKind, id] = f.target ? f.target.split(':') : ['application', ''];
      const body = {
        targetKind,
        applicationId: targetKind === 'application' && id ? id : null,
        deviceId: targetKind === 'device' && id ? id : null,
        area: targetKind === 'area' && id ? id : null,
        function: f.function,
        kind: f.kind,
        title: f.title || null,
        performedOn: f.performedOn,
        executor: f.executor,
        executorName: f.executorName || null,
        scope: f.scope,
        result: f.result,
        reportFileId: f.reportFileId,
      };
      return activity ? secopsApi.updateActivity(activity.id, body) : secopsApi.createActivity(body);
    },
    onSuccess: (a) => {
      void qc.invalidateQueries({ queryKey: ['secops'] });
      toast.success(activity ? t('secops.saved') : t('secops.activity.created'));
      onSaved?.(a);
      onClose();
    },
  });
  const group = (kind: string) => (targets.data ?? []).filter((x) => x.targetKind === kind);
  const targetId = React.useId();
  return (
    <Dialog open={open} onOpenChange={(o) => !o && onClose()}>
      <DialogContent className="max-h-[90vh] max-w-2xl overflow-y-auto">
        <DialogHeader>
          <DialogTitle>{activity ? t('secops.activity.editTitle') : t('secops.activity.add')}</DialogTitle>
        </DialogHeader>
        <div className="grid gap-3 md:grid-cols-2">
          <div className="flex flex-col gap-1.5 md:col-span-2">
            <label htmlFor={targetId} className="text-sm font-medium">
              {t('secops.activity.target')} *
            </label>
            <select id={targetId} value={f.target} onChange={(e) => setF({ ...f, target: e.target.value })} className="h-9 rounded-md border border-input bg-background px-2 text-sm shadow-sm">
              <option value="">{t('secops.activity.pickTarget')}</option>
              {(['application', 'device', 'area'] as const).map((k) =>
                group(k).length ? (
                  <optgroup key={k} label={t(`secops.targetKind.${k}`)}>
                    {group(k).map((o) => (
                      <option key={o.id} value={`${k}:${o.id}`}>
                        {o.label}
                        {o.opdName ? ` — ${o.opdName}` : ''}
                      </option>
                    ))}
                  </optgroup>
                ) : null,
              )}
            </select>
          </div>
          <Select label={t('secops.activity.function')} value={f.function} onChange={(v) => setF({ ...f, function: v })} options={secopsFunctions.map((x) => ({ value: x, label: t(`secops.function.${x}`) }))} required />
          <Select label={t('secops.activity.kind')} value={f.kind} onChange={(v) => setF({ ...f, kind: v })} options={secopsActivityKinds.map((x) => ({ value: x, label: t(`secops.kind.${x}`) }))} required />
          <Text className="md:col-span-2" label={t('secops.activity.name')} value={f.title} onChange={(v) => setF({ ...f, title: v })} />
          <Text label={t('secops.activity.date')} type="date" value={f.performedOn} onChange={(v) => setF({ ...f, performedOn: v })} required />
          <Select label={t('secops.activity.executor')} value={f.executor} onChange={(v) => setF({ ...f, executor: v })} options={secopsExecutors.map((x) => ({ value: x, label: t(`secops.executor.${x}`) }))} />
          {f.executor === 'third_party' ? <Text className="md:col-span-2" label={t('secops.activity.executorName')} value={f.executorName} onChange={(v) => setF({ ...f, executorName: v })} required /> : null}
          <Area className="md:col-span-2" label={t('secops.activity.scope')} value={f.scope} onChange={(v) => setF({ ...f, scope: v })} rows={2} />
          <Area className="md:col-span-2" label={t('secops.activity.result')} value={f.result} onChange={(v) => setF({ ...f, result: v })} />
          <FileField className="md:col-span-2" label={t('secops.activity.report')} value={f.reportFileId} onChange={(v) => setF({ ...f, reportFileId: v })} />
        </div>
        <FormErrors error={save.error} />
        <FormDialogFooter pending={save.isPending} onCancel={onClose} onSubmit={() => save.mutate()} />
      </DialogContent>
    </Dialog>
  );
}

type FindForm = { title: string; description: string; severity: string; ownerText: string; dueDate: string };

/** Adds a finding to an activity, or edits one. */
export function FindingDialog({ activityId, finding, open, onClose }: { activityId: string; finding: TSecopsFinding | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const empty: FindForm = { title: '', description: '', severity: 'sedang', ownerText: '', dueDate: '' };
  const [f, setF] = React.useState<FindForm>(empty);
  React.useEffect(() => {
    if (!open) return;
    setF(finding ? { title: finding.title, description: finding.description, severity: finding.severity, ownerText: finding.ownerText ?? finding.ownerName ?? '', dueDate: finding.dueDate ?? '' } : empty);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, finding]);
  const save = useMutation({
    mutationFn: () => {
      const body = { title: f.title, description: f.description, severity: f.severity, ownerText: f.ownerText || null, ownerPersonId: finding?.ownerPersonId ?? null, dueDate: f.dueDate || null };
      return finding ? secopsApi.updateFinding(finding.id, body) : secopsApi.createFinding(activityId, body);
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['secops'] });
      toast.success(finding ? t('secops.saved') : t('secops.finding.added'));
      onClose();
    },
  });
  return (
    <Dialog open={open} onOpenChange={(o) => !o && onClose()}>
      <DialogContent className="max-w-xl">
        <DialogHeader>
          <DialogTitle>{finding ? t('secops.finding.editTitle') : t('secops.finding.add')}</DialogTitle>
        </DialogHeader>
        <div className="grid gap-3 md:grid-cols-2">
          <Text className="md:col-span-2" label={t('secops.finding.name')} value={f.title} onChange={(v) => setF({ ...f, title: v })} required />
          <Select label={t('secops.finding.severity')} value={f.severity} onChange={(v) => setF({ ...f, severity: v })} options={secopsSeverities.map((x) => ({ value: x, label: t(`secops.severity.${x}`) }))} required />
          <Text label={t('secops.finding.due')} type="date" value={f.dueDate} onChange={(v) => setF({ ...f, dueDate: v })} />
          <Text className="md:col-span-2" label={t('secops.finding.owner')} value={f.ownerText} onChange={(v) => setF({ ...f, ownerText: v })} />
          <Area className="md:col-span-2" label={t('secops.finding.detail')} value={f.description} onChange={(v) => setF({ ...f, description: v })} />
        </div>
        <FormErrors error={save.error} />
        <FormDialogFooter pending={save.isPending} onCancel={onClose} onSubmit={() => save.mutate()} />
      </DialogContent>
    </Dialog>
  );
}

/** Accepting the risk of a finding requires a reason. */
export function AcceptDialog({ finding, onClose }: { finding: TSecopsFinding | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [reason, setReason] = React.useState('');
  React.useEffect(() => setReason(''), [finding]);
  const save = useMutation({
    mutationFn: () => secopsApi.setFindingStatus(finding!.id, { status: 'diterima', reason: reason || null }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['secops'] });
      toast.success(t('secops.finding.statusChanged'));
      onClose();
    },
  });
  return (
    <Dialog open={!!finding} onOpenChange={(o) => !o && onClose()}>
      <DialogContent className="max-w-lg">
        <DialogHeader>
          <DialogTitle>{t('secops.finding.acceptTitle')}</DialogTitle>
        </DialogHeader>
        <p className="text-sm">{finding?.title}</p>
        <Area label={t('secops.finding.reason')} value={reason} onChange={setReason} />
        <FormErrors error={save.error} />
        <FormDialogFooter pending={save.isPending} onCancel={onClose} onSubmit={() => save.mutate()} submitLabel={t('secops.finding.accept')} />
      </DialogContent>
    </Dialog>
  );
}
