import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FileSpreadsheet, FileText, Pencil, Plus, Trash2, X } from 'lucide-react';
import { socRoles, type TSocProfile, type TSocReport } from '@persada/shared';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Dialog, DialogContent, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { FormDialogFooter, FormErrors, toast, useConfirm } from '@/components/form';
import { usePermission } from '@/lib/auth';
import { reportDocumentHref, secopsApi } from '../api';
import { Area, Select, Text, tgl } from './fields';
import { FileField } from '@/components/file-field';

type Person = { personId: string; role: (typeof socRoles)[number]; name: string | null };
const pairs = (s: string) =>
  s
    .split('\n')
    .map((l) => l.split('|').map((x) => x.trim()))
    .filter((p) => p[0] && p[1]);

function ProfileDialog({ profile, open, onClose }: { profile: TSocProfile | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [f, setF] = React.useState({ name: '', decreeNumber: '', decreeDate: '', decreeFileId: null as string | null, operatingHours: '', processes: '', tools: '' });
  const [people, setPeople] = React.useState<Person[]>([]);
  const [search, setSearch] = React.useState('');
  const found = useQuery({ queryKey: ['secops', 'people', search], queryFn: () => secopsApi.people(search), enabled: open && search.length >= 2 });
  React.useEffect(() => {
    if (!open) return;
    setF({
      name: profile?.name ?? '',
      decreeNumber: profile?.decreeNumber ?? '',
      decreeDate: profile?.decreeDate ?? '',
      decreeFileId: profile?.decreeFileId ?? null,
      operatingHours: profile?.operatingHours ?? '',
      processes: (profile?.processes ?? []).map((p) => `${p.number} | ${p.title}`).join('\n'),
      tools: (profile?.tools ?? []).map((p) => `${p.name} | ${p.purpose}`).join('\n'),
    });
    setPeople((profile?.people ?? []).map((p) => ({ personId: p.personId, role: p.role, name: p.name })));
    setSearch('');
  }, [open, profile]);
  const save = useMutation({
    mutationFn: () =>
      secopsApi.saveSoc({
        name: f.name,
        decreeNumber: f.decreeNumber || null,
        decreeDate: f.decreeDate || null,
        decreeFileId: f.decreeFileId,
        operatingHours: f.operatingHours,
        people: people.map(({ personId, role }) => ({ personId, role })),
        processes: pairs(f.processes).map(([number, title]) => ({ number, title })),
        tools: pairs(f.tools).map(([name, purpose]) => ({ name, purpose })),
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['secops'] });
      toast.success(t('secops.saved'));
      onClose();
    },
  });
  return (
    <Dialog open={open} onOpenChange={(o) => !o && onClose()}>
      <DialogContent className="max-h-[90vh] max-w-2xl overflow-y-auto">
        <DialogHeader>
          <DialogTitle>{profile ? t('secops.soc.editProfile') : t('secops.soc.createProfile')}</DialogTitle>
        </DialogHeader>
        <div className="grid gap-3 md:grid-cols-2">
          <Text className="md:col-span-2" label={t('secops.soc.name')} value={f.name} onChange={(v) => setF({ ...f, name: v })} required />
          <Text label={t('secops.soc.decreeNumber')} value={f.decreeNumber} onChange={(v) => setF({ ...f, decreeNumber: v })} />
          <Text label={t('secops.soc.decreeDate')} type="date" value={f.decreeDate} onChange={(v) => setF({ ...f, decreeDate: v })} />
          <FileField className="md:col-span-2" label={t('secops.soc.decreeFile')} value={f.decreeFileId} onChange={(v) => setF({ ...f, decreeFileId: v })} />
          <Text className="md:col-span-2" label={t('secops.soc.hours')} value={f.operatingHours} onChange={(v) => setF({ ...f, operatingHours: v })} required />
          <div className="md:col-span-2">
            <div className="mb-1.5 text-sm font-medium">{t('secops.soc.people')}</div>
            {people.map((p, i) => (
              <div key={`${p.personId}-${i}`} className="mb-1 flex items-center gap-2 text-sm">
                <span className="flex-1">{p.name ?? p.personId}</span>
                <select aria-label={t('secops.soc.role')} value={p.role} onChange={(e) => setPeople(people.map((x, j) => (j === i ? { ...x, role: e.target.value as Person['role'] } : x)))} className="h-8 rounded-md border border-input bg-background px-2 text-sm">
                  {socRoles.map((r) => (
                    <option key={r} value={r}>
                      {t(`secops.role.${r}`)}
                    </option>
                  ))}
                </select>
                <Button size="icon" variant="ghost" aria-label={t('secops.delete')} onClick={() => setPeople(people.filter((_, j) => j !== i))}>
                  <X />
                </Button>
              </div>
            ))}
            <Input placeholder={t('secops.soc.personSearch')} aria-label={t('secops.soc.personSearch')} value={search} onChange={(e) => setSearch(e.target.value)} />
            {search.length >= 2 ? (
              <div className="mt-1 max-h-40 overflow-y-auto rounded-md border">
                {(found.data?.items ?? []).map((p) => (
                  <button key={p.id} type="button" className="block w-full px-2 py-1 text-left text-sm hover:bg-accent" onClick={() => (setPeople([...people, { personId: p.id, role: 'analyst', name: p.fullName }]), setSearch(''))}>
                    {p.fullName}
                  </button>
                ))}
              </div>
            ) : null}
          </div>
          <Area className="md:col-span-2" label={t('secops.soc.processes')} hint={t('secops.soc.processLines')} value={f.processes} onChange={(v) => setF({ ...f, processes: v })} />
          <Area className="md:col-span-2" label={t('secops.soc.tools')} hint={t('secops.soc.toolLines')} value={f.tools} onChange={(v) => setF({ ...f, tools: v })} />
        </div>
        <FormErrors error={save.error} />
        <FormDialogFooter pending={save.isPending} onCancel={onClose} onSubmit={() => save.mutate()} />
      </DialogContent>
    </Dialog>
  );
}

function CoverageDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const targets = useQuery({ queryKey: ['secops', 'targets'], queryFn: () => secopsApi.targets(), enabled: open });
  const [f, setF] = React.useState({ target: '', tool: '', notes: '' });
  React.useEffect(() => setF({ target: '', tool: '', notes: '' }), [open]);
  const save = useMutation({
    mutationFn: () => {
      const [kind, id] = f.target.split(':');
      return secopsApi.addCoverage({ targetKind: kind || 'application', applicationId: kind === 'application' ? id : null, deviceId: kind === 'device' ? id : null, tool: f.tool, notes: f.notes || null });
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['secops', 'coverage'] });
      toast.success(t('secops.saved'));
      onClose();
    },
  });
  const options = (targets.data ?? []).filter((x) => x.targetKind !== 'area').map((x) => ({ value: `${x.targetKind}:${x.id}`, label: `${x.label}${x.opdName ? ` — ${x.opdName}` : ''}` }));
  return (
    <Dialog open={open} onOpenChange={(o) => !o && onClose()}>
      <DialogContent className="max-w-lg">
        <DialogHeader>
          <DialogTitle>{t('secops.soc.addCoverage')}</DialogTitle>
        </DialogHeader>
        <div className="grid gap-3">
          <Select label={t('secops.activity.target')} value={f.target} onChange={(v) => setF({ ...f, target: v })} options={[{ value: '', label: t('secops.activity.pickTarget') }, ...options]} required />
          <Text label={t('secops.soc.tool')} value={f.tool} onChange={(v) => setF({ ...f, tool: v })} required />
          <Text label={t('secops.soc.notes')} value={f.notes} onChange={(v) => setF({ ...f, notes: v })} />
        </div>
        <FormErrors error={save.error} />
        <FormDialogFooter pending={save.isPending} onCancel={onClose} onSubmit={() => save.mutate()} />
      </DialogContent>
    </Dialog>
  );
}

function ReportDialog({ report, open, onClose }: { report: TSocReport | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const empty = { periodStart: '', periodEnd: '', eventsObserved: '0', alertsEscalated: '0', incidentsRaised: '0', incidentsNote: '', notes: '', fileId: null as string | null };
  const [f, setF] = React.useState(empty);
  React.useEffect(() => {
    if (!open) return;
    setF(
      report
        ? { periodStart: report.periodStart, periodEnd: report.periodEnd, eventsObserved: String(report.eventsObserved), alertsEscalated: String(report.alertsEscalated), incidentsRaised: String(report.incidentsRaised), incidentsNote: report.incidentsNote ?? '', notes: report.notes, fileId: report.fileId }
        : empty,
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, report]);
  const save = useMutation({
    mutationFn: () => {
      const body = { ...f, eventsObserved: Number(f.eventsObserved) || 0, alertsEscalated: Number(f.alertsEscalated) || 0, incidentsRaised: Number(f.incidentsRaised) || 0, incidentsNote: f.incidentsNote || null };
      return report ? secopsApi.updateReport(report.id, body) : secopsApi.createReport(body);
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['secops', 'reports'] });
      toast.success(t('secops.saved'));
      onClose();
    },
  });
  return (
    <Dialog open={open} onOpenChange={(o) => !o && onClose()}>
      <DialogContent className="max-h-[90vh] max-w-xl overflow-y-auto">
        <DialogHeader>
          <DialogTitle>{report ? t('secops.soc.editReport') : t('secops.soc.addReport')}</DialogTitle>
        </DialogHeader>
        <div className="grid gap-3 md:grid-cols-3">
          <Text className="md:col-span-3 lg:col-span-1" label={t('secops.soc.periodStart')} type="date" value={f.periodStart} onChange={(v) => setF({ ...f, periodStart: v })} required />
          <Text className="md:col-span-3 lg:col-span-2" label={t('secops.soc.periodEnd')} type="date" value={f.periodEnd} onChange={(v) => setF({ ...f, periodEnd: v })} required />
          <Text label={t('secops.soc.events')} type="number" value={f.eventsObserved} onChange={(v) => setF({ ...f, eventsObserved: v })} />
          <Text label={t('secops.soc.alerts')} type="number" value={f.alertsEscalated} onChange={(v) => setF({ ...f, alertsEscalated: v })} />
          <Text label={t('secops.soc.incidents')} type="number" value={f.incidentsRaised} onChange={(v) => setF({ ...f, incidentsRaised: v })} />
          <Area className="md:col-span-3" label={t('secops.soc.incidentsNote')} value={f.incidentsNote} onChange={(v) => setF({ ...f, incidentsNote: v })} rows={2} />
          <Area className="md:col-span-3" label={t('secops.soc.notes')} value={f.notes} onChange={(v) => setF({ ...f, notes: v })} />
          <FileField className="md:col-span-3" label={t('secops.soc.reportFile')} value={f.fileId} onChange={(v) => setF({ ...f, fileId: v })} />
        </div>
        <FormErrors error={save.error} />
        <FormDialogFooter pending={save.isPending} onCancel={onClose} onSubmit={() => save.mutate()} />
      </DialogContent>
    </Dialog>
  );
}

/** D14: SOC profile (people, process, technology), monitoring coverage and periodic reports. */
export function SocPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const confirm = useConfirm();
  const canManage = usePermission('secops.manage');
  const canTenant = usePermission('secops.read');
  const [editing, setEditing] = React.useState(false);
  const [addingCoverage, setAddingCoverage] = React.useState(false);
  const [reportDialog, setReportDialog] = React.useState<{ report: TSocReport | null } | null>(null);
  const profile = useQuery({ queryKey: ['secops', 'soc'], queryFn: () => secopsApi.soc(), enabled: canTenant, retry: false });
  const coverage = useQuery({ queryKey: ['secops', 'coverage'], queryFn: () => secopsApi.coverage() });
  const reports = useQuery({ queryKey: ['secops', 'reports'], queryFn: () => secopsApi.reports(), retry: false });
  const done = () => {
    void qc.invalidateQueries({ queryKey: ['secops'] });
    toast.success(t('secops.deleted'));
  };
  const removeCoverage = useMutation({ mutationFn: (id: string) => secopsApi.removeCoverage(id), onSuccess: done });
  const removeReport = useMutation({ mutationFn: (id: string) => secopsApi.deleteReport(id), onSuccess: done });
  const p = profile.data;
  return (
    <div>
      <PageHeader title={t('secops.soc.title')} description={t('secops.soc.description')} />
      <Card className="mb-4">
        <CardHeader className="flex flex-row items-center justify-between">
          <CardTitle>{t('secops.soc.profile')}</CardTitle>
          {canManage ? (
            <Button size="sm" variant="outline" onClick={() => setEditing(true)}>
              <Pencil />
              {p ? t('secops.soc.editProfile') : t('secops.soc.createProfile')}
            </Button>
          ) : null}
        </CardHeader>
        <CardContent>
          {p ? (
            <div className="grid gap-4 text-sm md:grid-cols-2">
              <dl className="grid grid-cols-[10rem_1fr] gap-y-1">
                <dt className="text-muted-foreground">{t('secops.soc.name')}</dt>
                <dd className="font-medium">{p.name}</dd>
                <dt className="text-muted-foreground">{t('secops.soc.decreeNumber')}</dt>
                <dd>
                  {p.decreeNumber ?? '—'} {p.decreeDate ? `(${tgl(p.decreeDate)})` : ''}
                </dd>
                <dt className="text-muted-foreground">{t('secops.soc.hours')}</dt>
                <dd>{p.operatingHours}</dd>
              </dl>
              <div>
                <div className="font-medium">{t('secops.soc.people')}</div>
                <ul className="mb-2 list-disc pl-5">
                  {p.people.map((x, i) => (
                    <li key={i}>
                      {x.name ?? '—'} — {t(`secops.role.${x.role}`)}
                    </li>
                  ))}
                </ul>
                <div className="font-medium">{t('secops.soc.processes')}</div>
                <ul className="mb-2 list-disc pl-5">
                  {p.processes.map((x, i) => (
                    <li key={i}>
                      {x.number} — {x.title}
                    </li>
                  ))}
                </ul>
                <div className="font-medium">{t('secops.soc.tools')}</div>
                <ul className="list-disc pl-5">
                  {p.tools.map((x, i) => (
                    <li key={i}>
                      {x.name} — {x.purpose}
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          ) : (
            <p className="text-sm text-muted-foreground">{t('secops.soc.none')}</p>
          )}
        </CardContent>
      </Card>

      <Card className="mb-4">
        <CardHeader className="flex flex-row items-center justify-between">
          <CardTitle>{t('secops.soc.coverage')}</CardTitle>
          {canManage ? (
            <Button size="sm" onClick={() => setAddingCoverage(true)}>
              <Plus />
              {t('secops.soc.addCoverage')}
            </Button>
          ) : null}
        </CardHeader>
        <CardContent>
          <Table aria-label={t('secops.soc.coverage')}>
            <TableHeader>
              <TableRow>
                <TableHead>{t('secops.activity.target')}</TableHead>
                <TableHead>{t('secops.soc.tool')}</TableHead>
                <TableHead>{t('secops.soc.notes')}</TableHead>
                <TableHead />
              </TableRow>
            </TableHeader>
            <TableBody>
              {(coverage.data ?? []).map((c) => (
                <TableRow key={c.id}>
                  <TableCell>
                    <div className="font-medium">{c.targetLabel}</div>
                    <div className="text-xs text-muted-foreground">
                      {t(`secops.targetKind.${c.targetKind}`)}
                      {c.opdName ? ` · ${c.opdName}` : ''}
                    </div>
                  </TableCell>
                  <TableCell>{c.tool}</TableCell>
                  <TableCell>{c.notes ?? '—'}</TableCell>
                  <TableCell>
                    {canManage ? (
                      <Button
                        size="icon"
                        variant="ghost"
                        aria-label={t('secops.delete')}
                        onClick={async () => {
                          if (await confirm({ title: t('secops.soc.removeCoverageTitle', { name: `${c.targetLabel} (${c.tool})` }), confirmLabel: t('secops.delete') })) removeCoverage.mutate(c.id);
                        }}
                      >
                        <Trash2 />
                      </Button>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
              {coverage.data?.length === 0 ? (
                <TableRow>
                  <TableCell colSpan={4} className="text-center text-muted-foreground">
                    {t('secops.empty')}
                  </TableCell>
                </TableRow>
              ) : null}
            </TableBody>
          </Table>
        </CardContent>
      </Card>

      {reports.data ? (
        <Card>
          <CardHeader className="flex flex-row items-center justify-between">
            <CardTitle>{t('secops.soc.reports')}</CardTitle>
            {canManage ? (
              <Button size="sm" onClick={() => setReportDialog({ report: null })}>
                <Plus />
                {t('secops.soc.addReport')}
              </Button>
            ) : null}
          </CardHeader>
          <CardContent>
            <Table aria-label={t('secops.soc.reports')}>
              <TableHeader>
                <TableRow>
                  <TableHead>{t('secops.soc.period')}</TableHead>
                  <TableHead>{t('secops.soc.events')}</TableHead>
                  <TableHead>{t('secops.soc.alerts')}</TableHead>
                  <TableHead>{t('secops.soc.incidents')}</TableHead>
                  <TableHead>{t('secops.soc.notes')}</TableHead>
                  <TableHead />
                </TableRow>
              </TableHeader>
              <TableBody>
                {reports.data.map((r) => {
                  const period = `${tgl(r.periodStart)} – ${tgl(r.periodEnd)}`;
                  return (
                    <TableRow key={r.id}>
                      <TableCell className="whitespace-nowrap">{period}</TableCell>
                      <TableCell>{r.eventsObserved.toLocaleString('id-ID')}</TableCell>
                      <TableCell>{r.alertsEscalated.toLocaleString('id-ID')}</TableCell>
                      <TableCell>
                        {r.incidentsRaised}
                        {r.incidentsNote ? <div className="text-xs text-muted-foreground">{r.incidentsNote}</div> : null}
                      </TableCell>
                      <TableCell className="max-w-sm text-sm">{r.notes}</TableCell>
                      <TableCell className="whitespace-nowrap">
                        <Button size="sm" variant="ghost" asChild>
                          <a href={reportDocumentHref(r.id, 'pdf')} download>
                            <FileText />
                            {t('secops.soc.pdf')}
                          </a>
                        </Button>
                        <Button size="sm" variant="ghost" asChild>
                          <a href={reportDocumentHref(r.id, 'xlsx')} download>
                            <FileSpreadsheet />
                            {t('secops.soc.excel')}
                          </a>
                        </Button>
                        {canManage ? (
                          <>
                            <Button size="icon" variant="ghost" aria-label={t('secops.edit')} onClick={() => setReportDialog({ report: r })}>
                              <Pencil />
                            </Button>
                            <Button
                              size="icon"
                              variant="ghost"
                              aria-label={t('secops.delete')}
                              onClick={async () => {
                                if (await confirm({ title: t('secops.soc.deleteReportTitle', { period }), confirmLabel: t('secops.delete') })) removeReport.mutate(r.id);
                              }}
                            >
                              <Trash2 />
                            </Button>
                          </>
                        ) : null}
                      </TableCell>
                    </TableRow>
                  );
                })}
                {reports.data.length === 0 ? (
                  <TableRow>
                    <TableCell colSpan={6} className="text-center text-muted-foreground">
                      {t('secops.empty')}
                    </TableCell>
                  </TableRow>
                ) : null}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      ) : null}
      <ProfileDialog open={editing} profile={p ?? null} onClose={() => setEditing(false)} />
      <CoverageDialog open={addingCoverage} onClose={() => setAddingCoverage(false)} />
      <ReportDialog open={!!reportDialog} report={reportDialog?.report ?? null} onClose={() => setReportDialog(null)} />
    </div>
  );
}
