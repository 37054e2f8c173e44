import * as React from 'react';
import { useForm } from 'react-hook-form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ZMaintenanceInput, ZSlaReportInput, ZSubdomainDecision, maintenanceBy } from '@persada/shared';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { DateField, Form, FormDialogFooter, SelectField, TextField, TextareaField, toast } from '@/components/form';
import { applyServerErrors } from '@/lib/form-errors';
import { formatDate, todayIso } from '@/lib/utils';
import { zr } from '@/lib/zod-i18n';
import { sysApi, uploadFile, type SysRow } from '../api';

/** Maintenance log of a device (D11), shown under its row. */
export function MaintenancePanel({ device, canManage }: { device: SysRow; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const log = useQuery({ queryKey: ['systems', 'maintenance', device.id], queryFn: () => sysApi.maintenance(device.id) });
  const form = useForm({ resolver: zr(ZMaintenanceInput), defaultValues: { performedOn: todayIso(), performedBy: 'dinas', description: '' } as any });
  const add = useMutation({
    mutationFn: (v: any) => sysApi.addMaintenance(device.id, v),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['systems'] });
      toast.success(t('systems.maintenance.saved'));
      form.reset({ performedOn: todayIso(), performedBy: 'dinas', description: '' });
    },
    onError: (e) => applyServerErrors(e, form.setError),
  });
  return (
    <div className="grid gap-3 p-2">
      <h3 className="text-sm font-semibold">{t('systems.maintenance.title')}</h3>
      {log.data?.length ? (
        <ul className="grid gap-1 text-sm">
          {log.data.map((m) => (
            <li key={m.id}>
              <span className="font-medium">{formatDate(m.performedOn, i18n.language)}</span> · {t(`systems.enums.maintenanceBy.${m.performedBy}`)} — {m.description}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted-foreground">{t('systems.maintenance.empty')}</p>
      )}
      {canManage ? (
        <Form form={form} onSubmit={(v) => add.mutate(v)} className="grid gap-2 sm:grid-cols-4 sm:items-end">
          <DateField name="performedOn" label={t('systems.maintenance.date')} required />
          <SelectField name="performedBy" label={t('systems.maintenance.by')} options={maintenanceBy.map((v) => ({ value: v, label: t(`systems.enums.maintenanceBy.${v}`) }))} />
          <TextField name="description" label={t('systems.maintenance.description')} required />
          <Button type="submit" disabled={add.isPending}>
            {t('systems.maintenance.add')}
          </Button>
        </Form>
      ) : null}
    </div>
  );
}

/** Periodic SLA reports of a third party (D15), with the report file. */
export function SlaPanel({ party, canManage }: { party: SysRow; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [file, setFile] = React.useState<File | null>(null);
  const list = useQuery({ queryKey: ['systems', 'sla', party.id], queryFn: () => sysApi.sla(party.id) });
  const empty = { periodStart: '', periodEnd: '', availability: '', incidents: 0, note: '' };
  const form = useForm({ resolver: zr(ZSlaReportInput), defaultValues: empty as any });
  const add = useMutation({
    mutationFn: async (v: any) => sysApi.addSla(party.id, { ...v, fileId: file ? (await uploadFile(file)).id : null }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['systems'] });
      toast.success(t('systems.sla.saved'));
      form.reset(empty);
      setFile(null);
    },
    onError: (e) => applyServerErrors(e, form.setError),
  });
  return (
    <div className="grid gap-3 p-2">
      <h3 className="text-sm font-semibold">{t('systems.sla.title')}</h3>
      {list.data?.length ? (
        <ul className="grid gap-1 text-sm">
          {list.data.map((s) => (
            <li key={s.id}>
              <span className="font-medium">
                {formatDate(s.periodStart, i18n.language)} – {formatDate(s.periodEnd, i18n.language)}
              </span>
              {' · '}
              {t('systems.sla.summary', { availability: s.availability ?? '—', incidents: s.incidents })}
              {s.fileId ? (
                <>
                  {' · '}
                  <a className="text-primary hover:underline" href={`/api/files/${s.fileId}`}>
                    {s.fileName}
                  </a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted-foreground">{t('systems.sla.empty')}</p>
      )}
      {canManage ? (
        <Form form={form} onSubmit={(v) => add.mutate(v)} className="grid gap-2 sm:grid-cols-3 sm:items-end">
          <DateField name="periodStart" label={t('systems.sla.periodStart')} required />
          <DateField name="periodEnd" label={t('systems.sla.periodEnd')} required />
          <TextField name="availability" label={t('systems.sla.availability')} inputMode="decimal" />
          <TextField name="incidents" label={t('systems.sla.incidents')} type="number" min={0} />
          <TextField name="note" label={t('systems.sla.note')} />
          <label className="text-sm">
            <span className="mb-1 block text-sm font-medium">{t('systems.sla.file')}</span>
            <input type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </label>
          <Button type="submit" disabled={add.isPending}>
            {t('systems.sla.add')}
          </Button>
        </Form>
      ) : null}
    </div>
  );
}

/** The Dinas assigns (with a decree) or rejects an OPD's subdomain request (D5). */
export function SubdomainDecisionDialog({ row, onClose }: { row: SysRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const initial = { decision: 'assigned', decreeNumber: '', decreeDate: todayIso(), decisionNote: '' };
  const form = useForm({ resolver: zr(ZSubdomainDecision), defaultValues: initial as any });
  React.useEffect(() => {
    if (row) form.reset(initial);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [row]);
  const decide = useMutation({
    mutationFn: (v: any) => sysApi.decide(row!.id, v),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['systems'] });
      toast.success(t('systems.subdomains.decided'));
      onClose();
    },
    onError: (e) => applyServerErrors(e, form.setError),
  });
  return (
    <Dialog open={!!row} onOpenChange={(o) => !o && !decide.isPending && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t('systems.subdomains.decideTitle', { name: row?.fqdn ?? '' })}</DialogTitle>
          <DialogDescription>{t('systems.subdomains.decideHelp')}</DialogDescription>
        </DialogHeader>
        <Form form={form} onSubmit={(v) => decide.mutate(v)}>
          <SelectField
            name="decision"
            label={t('systems.subdomains.decision')}
            options={[
              { value: 'assigned', label: t('systems.enums.subdomainStatus.assigned') },
              { value: 'rejected', label: t('systems.enums.subdomainStatus.rejected') },
            ]}
          />
          <TextField name="decreeNumber" label={t('systems.fields.decreeNumber')} />
          <DateField name="decreeDate" label={t('systems.fields.decreeDate')} emptyAsNull />
          <TextareaField name="decisionNote" label={t('systems.subdomains.decisionNote')} rows={2} />
          <FormDialogFooter pending={decide.isPending} onCancel={onClose} />
        </Form>
      </DialogContent>
    </Dialog>
  );
}
