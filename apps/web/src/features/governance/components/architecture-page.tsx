import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ClipboardCheck, Pencil, Plus } from 'lucide-react';
import { evaluationKinds, type TArchitecture } from '@persada/shared';
import { PageHeader } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { FormErrors, toast } from '@/components/form';
import { usePermission } from '@/lib/auth';
import { govApi } from '../api';
import { Area, Select, Text, tgl } from './shared';
import { FileField, fileHref } from '@/components/file-field';

type Form = { title: string; infrastructure: string; deviceNetworkDesign: string; securityApplications: string; decreeNumber: string; decreeDate: string; decreeFileId: string | null; validFrom: string };

function ArchitectureDialog({ arch, open, onClose }: { arch: TArchitecture | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [f, setF] = React.useState<Form>({ title: '', infrastructure: '', deviceNetworkDesign: '', securityApplications: '', decreeNumber: '', decreeDate: '', decreeFileId: null, validFrom: '' });
  React.useEffect(() => {
    if (!open) return;
    setF(
      arch
        ? { title: arch.title, infrastructure: arch.infrastructure, deviceNetworkDesign: arch.deviceNetworkDesign, securityApplications: arch.securityApplications, decreeNumber: arch.decreeNumber ?? '', decreeDate: arch.decreeDate ?? '', decreeFileId: arch.decreeFileId, validFrom: arch.validFrom }
        : { title: t('governance.arch.defaultTitle'), infrastructure: '', deviceNetworkDesign: '', securityApplications: '', decreeNumber: '', decreeDate: '', decreeFileId: null, validFrom: new Date().toISOString().slice(0, 10) },
    );
  }, [open, arch, t]);
  const save = useMutation({
    mutationFn: () => {
      const body = { ...f, decreeNumber: f.decreeNumber || null, decreeDate: f.decreeDate || null };
      return arch ? govApi.updateArchitecture(arch.id, body) : govApi.createArchitecture(body);
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['governance', 'architectures'] });
      toast.success(t('governance.saved'));
      onClose();
    },
  });
  return (
    <Dialog open={open} onOpenChange={(o) => !o && onClose()}>
      <DialogContent className="max-h-[90vh] max-w-2xl overflow-y-auto">
        <DialogHeader>
          <DialogTitle>{arch ? t('governance.arch.edit') : t('governance.arch.add')}</DialogTitle>
        </DialogHeader>
        <div className="grid gap-3 md:grid-cols-2">
          <Text className="md:col-span-2" label={t('governance.arch.name')} value={f.title} onChange={(v) => setF({ ...f, title: v })} required />
          <Area className="md:col-span-2" label={t('governance.arch.infrastructure')} value={f.infrastructure} onChange={(v) => setF({ ...f, infrastructure: v })} />
          <Area className="md:col-span-2" label={t('governance.arch.design')} value={f.deviceNetworkDesign} onChange={(v) => setF({ ...f, deviceNetworkDesign: v })} />
          <Area className="md:col-span-2" label={t('governance.arch.applications')} value={f.securityApplications} onChange={(v) => setF({ ...f, securityApplications: v })} />
          <Text label={t('governance.arch.decreeNumber')} value={f.decreeNumber} onChange={(v) => setF({ ...f, decreeNumber: v })} />
          <Text label={t('governance.arch.decreeDate')} type="date" value={f.decreeDate} onChange={(v) => setF({ ...f, decreeDate: v })} />
          <Text label={t('governance.arch.validFrom')} type="date" value={f.validFrom} onChange={(v) => setF({ ...f, validFrom: v })} required />
          <FileField label={t('governance.arch.decreeFile')} value={f.decreeFileId} onChange={(v) => setF({ ...f, decreeFileId: v })} />
        </div>
        <p className="text-xs text-muted-foreground">{t('governance.arch.validityHint')}</p>
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

function EvaluationDialog({ arch, onClose }: { arch: TArchitecture | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [f, setF] = React.useState<{ kind: string; doneDate: string; notes: string; fileId: string | null }>({ kind: 'midterm', doneDate: new Date().toISOString().slice(0, 10), notes: '', fileId: null });
  const save = useMutation({
    mutationFn: () => govApi.recordEvaluation(arch!.id, { kind: f.kind as 'midterm', doneDate: f.doneDate, notes: f.notes || null, fileId: f.fileId }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['governance', 'architectures'] });
      toast.success(t('governance.saved'));
      onClose();
    },
  });
  return (
    <Dialog open={!!arch} onOpenChange={(o) => !o && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t('governance.arch.recordEvaluation')}</DialogTitle>
        </DialogHeader>
        <div className="grid gap-3">
          <Select label={t('governance.arch.evaluationKind')} value={f.kind} onChange={(v) => setF({ ...f, kind: v })} options={evaluationKinds.map((k) => ({ value: k, label: t(`governance.evaluationKind.${k}`) }))} />
          <Text label={t('governance.arch.doneDate')} type="date" value={f.doneDate} onChange={(v) => setF({ ...f, doneDate: v })} />
          <Area label={t('governance.arch.notes')} value={f.notes} onChange={(v) => setF({ ...f, notes: v })} />
          <FileField label={t('governance.arch.evaluationFile')} value={f.fileId} onChange={(v) => setF({ ...f, fileId: v })} />
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

export function ArchitecturePage() {
  const { t } = useTranslation();
  const canManage = usePermission('governance.manage');
  const list = useQuery({ queryKey: ['governance', 'architectures'], queryFn: () => govApi.architectures() });
  const [dialog, setDialog] = React.useState<{ arch: TArchitecture | null } | null>(null);
  const [evaluating, setEvaluating] = React.useState<TArchitecture | null>(null);
  return (
    <div>
      <PageHeader
        title={t('governance.arch.title')}
        description={t('governance.arch.description')}
        actions={
          canManage ? (
            <Button onClick={() => setDialog({ arch: null })}>
              <Plus />
              {t('governance.arch.add')}
            </Button>
          ) : null
        }
      />
      {(list.data ?? []).map((a) => (
        <Card key={a.id} className="mb-4">
          <CardHeader className="flex flex-row items-start justify-between gap-2">
            <div>
              <CardTitle className="flex items-center gap-2">
                {a.title} <Badge variant={a.valid ? 'success' : 'outline'}>{a.valid ? t('governance.valid') : t('governance.notValid')}</Badge>
              </CardTitle>
              <p className="mt-1 text-sm text-muted-foreground">
                {t('governance.arch.validity', { from: tgl(a.validFrom), until: tgl(a.validUntil) })} · {a.decreeNumber ?? t('governance.arch.noDecree')}{' '}
                {a.decreeFileId ? (
                  <a className="text-primary hover:underline" href={fileHref(a.decreeFileId)} target="_blank" rel="noreferrer">
                    {t('governance.file.open')}
                  </a>
                ) : null}
              </p>
            </div>
            {canManage ? (
              <div className="flex gap-1">
                <Button size="sm" variant="outline" onClick={() => setEvaluating(a)}>
                  <ClipboardCheck />
                  {t('governance.arch.recordEvaluation')}
                </Button>
                <Button size="icon" variant="ghost" aria-label={t('governance.edit')} onClick={() => setDialog({ arch: a })}>
                  <Pencil />
                </Button>
              </div>
            ) : null}
          </CardHeader>
          <CardContent className="space-y-3 text-sm">
            <div className="grid gap-3 md:grid-cols-3">
              <div>
                <div className="font-medium">{t('governance.arch.infrastructure')}</div>
                <p className="whitespace-pre-line">{a.infrastructure || '—'}</p>
              </div>
              <div>
                <div className="font-medium">{t('governance.arch.design')}</div>
                <p className="whitespace-pre-line">{a.deviceNetworkDesign || '—'}</p>
              </div>
              <div>
                <div className="font-medium">{t('governance.arch.applications')}</div>
                <p className="whitespace-pre-line">{a.securityApplications || '—'}</p>
              </div>
            </div>
            <Table aria-label={t('governance.arch.evaluations')}>
              <TableHeader>
                <TableRow>
                  <TableHead>{t('governance.arch.evaluationKind')}</TableHead>
                  <TableHead>{t('governance.arch.dueDate')}</TableHead>
                  <TableHead>{t('governance.arch.doneDate')}</TableHead>
                  <TableHead>{t('governance.arch.notes')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {a.evaluations.map((e, i) => (
                  <TableRow key={i}>
                    <TableCell>{t(`governance.evaluationKind.${e.kind}`)}</TableCell>
                    <TableCell>{tgl(e.dueDate)}</TableCell>
                    <TableCell>{e.doneDate ? tgl(e.doneDate) : <Badge variant="warning">{t('governance.arch.pending')}</Badge>}</TableCell>
                    <TableCell>
                      {e.notes ?? '—'}{' '}
                      {e.fileId ? (
                        <a className="text-primary hover:underline" href={fileHref(e.fileId)} target="_blank" rel="noreferrer">
                          {t('governance.file.open')}
                        </a>
                      ) : null}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      ))}
      {list.data?.length === 0 ? <p className="text-muted-foreground">{t('governance.empty')}</p> : null}
      <ArchitectureDialog open={!!dialog} arch={dialog?.arch ?? null} onClose={() => setDialog(null)} />
      <EvaluationDialog arch={evaluating} onClose={() => setEvaluating(null)} />
    </div>
  );
}
