import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Pencil, Plus, X } from 'lucide-react';
import { instrumentTypes, opdStatuses, type TControl } from '@persada/shared';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { FormErrors, toast } from '@/components/form';
import { ComplianceLinks } from '@/components/compliance-links';
import { ObligationPicker, RiskPicker } from '@/components/pickers';
import { Input } from '@/components/ui/input';
import { isApiError } from '@/lib/api';
import { usePermission } from '@/lib/auth';
import { govApi } from '../api';
import { Area, Select, StatusBadge, Text, tgl } from './shared';
import { FileField, FileList, fileHref } from '@/components/file-field';

type Link = TControl['links'][number];

/**
 * The risks a rule/procedure treats and the obligations it satisfies (B7, R-REG), picked from the
 * register and the regulation library; older typed labels stay listed and can be removed.
 */
function LinksEditor({ value, onChange }: { value: Link[]; onChange: (v: Link[]) => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = React.useState('');
  const add = (l: Link) => {
    if (!value.some((x) => x.entity === l.entity && (l.id ? x.id === l.id : x.label === l.label))) onChange([...value, l]);
  };
  const kindLabel = (e: string) => (['risk', 'obligation', 'sop'].includes(e) ? t(`governance.control.linkKind.${e}`) : t('governance.control.linkKind.other'));
  return (
    <fieldset className="grid gap-3 rounded-md border p-3">
      <legend className="px-1 text-sm font-semibold">{t('governance.control.links')}</legend>
      {value.length ? (
        <ul className="flex flex-col gap-1 text-sm" aria-label={t('governance.control.links')}>
          {value.map((l, i) => (
            <li key={`${l.entity}-${l.id ?? l.label}-${i}`} className="flex items-center justify-between gap-2 rounded bg-muted/50 px-2 py-1">
              <span>
                <span className="text-xs text-muted-foreground">{kindLabel(l.entity)}{l.id ? '' : ` · ${t('governance.control.typedLink')}`}:</span> {l.label}
              </span>
              <Button type="button" size="icon" variant="ghost" aria-label={t('governance.control.removeLink', { label: l.label })} onClick={() => onChange(value.filter((_, j) => j !== i))}>
                <X />
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted-foreground">{t('governance.control.noLinks')}</p>
      )}
      <RiskPicker id="control-link-risk" label={t('governance.control.addRisk')} value={null} onChange={(o) => o && add({ entity: 'risk', id: o.id, label: o.label })} />
      <ObligationPicker id="control-link-obligation" label={t('governance.control.addObligation')} value={null} onChange={(o) => o && add({ entity: 'obligation', id: o.id, label: o.label })} />
      <div className="flex items-end gap-2">
        <div className="flex flex-1 flex-col gap-1.5">
          <label htmlFor="control-link-typed" className="text-sm font-medium">
            {t('governance.control.addTyped')}
          </label>
          <Input id="control-link-typed" value={typed} onChange={(e) => setTyped(e.target.value)} />
        </div>
        <Button
          type="button"
          variant="outline"
          disabled={!typed.trim()}
          onClick={() => {
            add({ entity: 'other', id: null, label: typed.trim() });
            setTyped('');
          }}
        >
          <Plus />
          {t('governance.control.addLink')}
        </Button>
      </div>
    </fieldset>
  );
}

function InstrumentDialog({ control, onClose }: { control: TControl | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [f, setF] = React.useState<{ instrumentType: string; instrumentNumber: string; instrumentDate: string; instrumentFileId: string | null; description: string; links: Link[] }>({ instrumentType: '', instrumentNumber: '', instrumentDate: '', instrumentFileId: null, description: '', links: [] });
  React.useEffect(() => {
    if (control)
      setF({ instrumentType: control.instrumentType ?? '', instrumentNumber: control.instrumentNumber ?? '', instrumentDate: control.instrumentDate ?? '', instrumentFileId: control.instrumentFileId, description: control.description ?? '', links: control.links });
  }, [control]);
  const save = useMutation({
    mutationFn: () =>
      govApi.updateControl(control!.id, {
        instrumentType: (f.instrumentType || null) as TControl['instrumentType'],
        instrumentNumber: f.instrumentNumber || null,
        instrumentDate: f.instrumentDate || null,
        instrumentFileId: f.instrumentFileId,
        description: f.description || null,
        links: f.links,
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['governance', 'controls'] });
      toast.success(t('governance.saved'));
      onClose();
    },
    // the links have no field of their own: show the field messages in the toast
    meta: { silent: true },
    onError: (e) =>
      isApiError(e)
        ? toast.error(e.localizedTitle(), e.errors.map((x) => (i18n.language === 'en' ? x.message_en : x.message)).join(' ') || e.localizedDetail())
        : toast.error(t('common.error'), String(e)),
  });
  return (
    <Dialog open={!!control} onOpenChange={(o) => !o && onClose()}>
      <DialogContent className="max-w-xl">
        <DialogHeader>
          <DialogTitle>
            {control?.code}. {control?.title}
          </DialogTitle>
        </DialogHeader>
        <div className="grid gap-3">
          <Select label={t('governance.control.instrumentType')} value={f.instrumentType} onChange={(v) => setF({ ...f, instrumentType: v })} options={[{ value: '', label: '—' }, ...instrumentTypes.map((k) => ({ value: k, label: t(`governance.instrument.${k}`) }))]} />
          <Text label={t('governance.control.instrumentNumber')} value={f.instrumentNumber} onChange={(v) => setF({ ...f, instrumentNumber: v })} />
          <Text label={t('governance.control.instrumentDate')} type="date" value={f.instrumentDate} onChange={(v) => setF({ ...f, instrumentDate: v })} />
          <FileField label={t('governance.control.instrumentFile')} value={f.instrumentFileId} onChange={(v) => setF({ ...f, instrumentFileId: v })} />
          <Area label={t('governance.control.description')} value={f.description} onChange={(v) => setF({ ...f, description: v })} />
          <LinksEditor value={f.links} onChange={(links) => setF({ ...f, links })} />
          {control ? <ComplianceLinks entity="gov_control" id={control.id} /> : null}
        </div>
        <FormErrors error={save.error} />
        <DialogFooter>
          <Button variant="outline" onClick={onClose}>
            {t('governance.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} disabled={save.isPending}>
            {t('governance.save')}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

type OpdRow = TControl['opdStatuses'][number];

/** Status, evidence files and notes of one procedure in each OPD (MJK-40 Pasal 17). */
function OpdStatusDialog({ control, onClose }: { control: TControl | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [rows, setRows] = React.useState<OpdRow[]>([]);
  React.useEffect(() => setRows(control?.opdStatuses ?? []), [control]);
  const save = useMutation({
    mutationFn: (r: OpdRow) => govApi.setControlStatus(control!.id, { opdId: r.opdId, status: r.status, evidenceFileIds: r.evidenceFileIds, notes: r.notes || null }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['governance', 'controls'] });
      toast.success(t('governance.saved'));
    },
  });
  const set = (i: number, patch: Partial<OpdRow>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Dialog open={!!control} onOpenChange={(o) => !o && onClose()}>
      <DialogContent className="max-h-[90vh] max-w-3xl overflow-y-auto">
        <DialogHeader>
          <DialogTitle>
            {t('governance.control.opdTitle')}: {control?.code}. {control?.title}
          </DialogTitle>
        </DialogHeader>
        <div className="space-y-3">
          {rows.map((r, i) => (
            <div key={r.opdId} className="grid gap-2 rounded-md border p-3 md:grid-cols-3">
              <div className="font-medium md:col-span-3">{r.opdName}</div>
              <Select label={t('governance.control.status')} value={r.status} onChange={(v) => set(i, { status: v as OpdRow['status'] })} options={opdStatuses.map((st) => ({ value: st, label: t(`governance.opdStatus.${st}`) }))} />
              <Text className="md:col-span-2" label={t('governance.control.notes')} value={r.notes} onChange={(v) => set(i, { notes: v })} />
              <div className="md:col-span-2">
                <FileList label={t('governance.control.evidence')} value={r.evidenceFileIds} onChange={(ids) => set(i, { evidenceFileIds: ids })} />
              </div>
              <div className="flex items-end justify-end">
                <Button size="sm" onClick={() => save.mutate(r)} disabled={save.isPending}>
                  {t('governance.save')}
                </Button>
              </div>
            </div>
          ))}
        </div>
      </DialogContent>
    </Dialog>
  );
}

/** Rules (8 areas, B3) or control procedures (22 aspects × OPD status, B7). */
export function ControlsPage({ kind }: { kind: 'rule' | 'procedure' }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const canManage = usePermission('governance.manage');
  const [editing, setEditing] = React.useState<TControl | null>(null);
  const [perOpd, setPerOpd] = React.useState<TControl | null>(null);
  const list = useQuery({ queryKey: ['governance', 'controls', kind], queryFn: () => govApi.controls(kind) });
  const setStatus = useMutation({
    mutationFn: (v: { c: TControl; opdId: string; status: string }) => govApi.setControlStatus(v.c.id, { opdId: v.opdId, status: v.status as 'applied' }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['governance', 'controls'] });
      toast.success(t('governance.saved'));
    },
  });
  const controls = list.data ?? [];
  const opds = controls[0]?.opdStatuses ?? [];
  const title = kind === 'rule' ? t('governance.control.rulesTitle') : t('governance.control.proceduresTitle');
  const established = controls.filter((c) => c.instrumentNumber).length;

  return (
    <div>
      <PageHeader
        title={title}
        description={kind === 'rule' ? t('governance.control.rulesDescription') : t('governance.control.proceduresDescription')}
      />
      <p className="mb-3 text-sm">{t('governance.control.established', { count: established, total: controls.length })}</p>
      <div className="overflow-x-auto">
        <Table aria-label={title}>
          <TableHeader>
            <TableRow>
              <TableHead className="w-8" />
              <TableHead className="min-w-64">{kind === 'rule' ? t('governance.control.area') : t('governance.control.aspect')}</TableHead>
              <TableHead className="min-w-48">{t('governance.control.instrument')}</TableHead>
              {kind === 'procedure'
                ? opds.map((o) => (
                    <TableHead key={o.opdId} className="text-center text-xs">
                      {o.opdName}
                    </TableHead>
                  ))
                : null}
              {kind === 'procedure' ? <TableHead>{t('governance.control.applied')}</TableHead> : null}
              <TableHead />
            </TableRow>
          </TableHeader>
          <TableBody>
            {controls.map((c) => (
              <TableRow key={c.id}>
                <TableCell className="font-mono">{c.code}</TableCell>
                <TableCell>
                  <div>{c.title}</div>
                  <div className="text-xs text-muted-foreground">{c.legalRef}</div>
                  {c.links.length ? <div className="text-xs text-muted-foreground">{t('governance.control.linked')}: {c.links.map((l) => l.label).join('; ')}</div> : null}
                </TableCell>
                <TableCell className="text-sm">
                  {c.instrumentNumber ? (
                    <>
                      <div>{c.instrumentType ? t(`governance.instrument.${c.instrumentType}`) : ''}</div>
                      <div className="text-xs">
                        {c.instrumentNumber} · {tgl(c.instrumentDate)}{' '}
                        {c.instrumentFileId ? (
                          <a className="text-primary hover:underline" href={fileHref(c.instrumentFileId)} target="_blank" rel="noreferrer">
                            {t('governance.file.open')}
                          </a>
                        ) : null}
                      </div>
                    </>
                  ) : (
                    <StatusBadge status="not_started" label={t('governance.control.notEstablished')} />
                  )}
                </TableCell>
                {kind === 'procedure'
                  ? c.opdStatuses.map((s) => (
                      <TableCell key={s.opdId} className="text-center">
                        {canManage ? (
                          <select
                            aria-label={`${c.code} ${s.opdName}`}
                            value={s.status}
                            onChange={(e) => setStatus.mutate({ c, opdId: s.opdId, status: e.target.value })}
                            className={`h-7 rounded border px-1 text-xs ${s.status === 'applied' ? 'bg-success/10' : s.status === 'in_progress' ? 'bg-warning/15' : ''}`}
                          >
                            {opdStatuses.map((st) => (
                              <option key={st} value={st}>
                                {t(`governance.opdStatus.${st}`)}
                              </option>
                            ))}
                          </select>
                        ) : (
                          <StatusBadge status={s.status} label={t(`governance.opdStatus.${s.status}`)} />
                        )}
                      </TableCell>
                    ))
                  : null}
                {kind === 'procedure' ? (
                  <TableCell className="whitespace-nowrap">
                    {canManage ? (
                      <Button size="sm" variant="link" aria-label={`${t('governance.control.manageOpd')} ${c.code}`} onClick={() => setPerOpd(c)}>
                        {c.appliedCount}/{c.opdCount}
                      </Button>
                    ) : (
                      `${c.appliedCount}/${c.opdCount}`
                    )}
                  </TableCell>
                ) : null}
                <TableCell>
                  {canManage ? (
                    <Button size="icon" variant="ghost" aria-label={t('governance.edit')} onClick={() => setEditing(c)}>
                      <Pencil />
                    </Button>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <InstrumentDialog control={editing} onClose={() => setEditing(null)} />
      <OpdStatusDialog control={perOpd} onClose={() => setPerOpd(null)} />
    </div>
  );
}
