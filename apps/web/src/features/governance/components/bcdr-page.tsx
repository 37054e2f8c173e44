import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ArchiveRestore, Pencil, Plus, Trash2 } from 'lucide-react';
import { testResults, type TBcdr } from '@persada/shared';
import { PageHeader } from '@/components/layout/page-header';
import { ExportButtons } from '@/components/data-table/export-buttons';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { FormErrors, toast, useConfirm } from '@/components/form';
import { usePermission } from '@/lib/auth';
import { govApi } from '../api';
import { Area, Select, StatusBadge, Text, tgl } from './shared';
import { FileField, fileHref } from '@/components/file-field';

type Form = { serviceName: string; opdId: string; rtoMinutes: string; rpoMinutes: string; strategy: string; contacts: string; lastTestDate: string; lastTestResult: string; lastTestNotes: string; nextTestDate: string; fileId: string | null };
const empty: Form = { serviceName: '', opdId: '', rtoMinutes: '240', rpoMinutes: '60', strategy: '', contacts: '', lastTestDate: '', lastTestResult: '', lastTestNotes: '', nextTestDate: '', fileId: null };

function BcdrDialog({ plan, open, onClose }: { plan: TBcdr | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const opds = useQuery({ queryKey: ['governance', 'opds'], queryFn: () => govApi.opds(), enabled: open });
  const [f, setF] = React.useState<Form>(empty);
  React.useEffect(() => {
    if (!open) return;
    setF(
      plan
        ? {
            serviceName: plan.serviceName,
            opdId: plan.opdId ?? '',
            rtoMinutes: String(plan.rtoMinutes),
            rpoMinutes: String(plan.rpoMinutes),
            strategy: plan.strategy,
            contacts: plan.contacts.map((c) => [c.name, c.role, c.phone].join(' | ')).join('\n'),
            lastTestDate: plan.lastTestDate ?? '',
            lastTestResult: plan.lastTestResult ?? '',
            lastTestNotes: plan.lastTestNotes ?? '',
            nextTestDate: plan.nextTestDate ?? '',
            fileId: plan.fileId,
          }
        : empty,
    );
  }, [open, plan]);
  const save = useMutation({
    mutationFn: () => {
      const body = {
        serviceName: f.serviceName,
        opdId: f.opdId || null,
        rtoMinutes: Number(f.rtoMinutes) || 0,
        rpoMinutes: Number(f.rpoMinutes) || 0,
        strategy: f.strategy,
        contacts: f.contacts
          .split('\n')
          .map((l) => l.split('|').map((x) => x.trim()))
          .filter((p) => p[0])
          .map(([name, role = '', phone = '']) => ({ name, role, phone })),
        lastTestDate: f.lastTestDate || null,
        lastTestResult: (f.lastTestResult || null) as TBcdr['lastTestResult'],
        lastTestNotes: f.lastTestNotes || null,
        nextTestDate: f.nextTestDate || null,
        fileId: f.fileId,
      };
      return plan ? govApi.updateBcdr(plan.id, body) : govApi.createBcdr(body);
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['governance', 'bcdr'] });
      toast.success(t('governance.saved'));
      onClose();
    },
  });
  return (
    <Dialog open={open} onOpenChange={(o) => !o && onClose()}>
      <DialogContent className="max-h-[90vh] max-w-2xl overflow-y-auto">
        <DialogHeader>
          <DialogTitle>{plan ? t('governance.bcdr.edit') : t('governance.bcdr.add')}</DialogTitle>
        </DialogHeader>
        <div className="grid gap-3 md:grid-cols-2">
          <Text className="md:col-span-2" label={t('governance.bcdr.service')} value={f.serviceName} onChange={(v) => setF({ ...f, serviceName: v })} required />
          <Select className="md:col-span-2" label={t('governance.bcdr.opd')} value={f.opdId} onChange={(v) => setF({ ...f, opdId: v })} options={[{ value: '', label: '—' }, ...(opds.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))]} />
          <Text label={t('governance.bcdr.rto')} type="number" value={f.rtoMinutes} onChange={(v) => setF({ ...f, rtoMinutes: v })} />
          <Text label={t('governance.bcdr.rpo')} type="number" value={f.rpoMinutes} onChange={(v) => setF({ ...f, rpoMinutes: v })} />
          <Area className="md:col-span-2" label={t('governance.bcdr.strategy')} value={f.strategy} onChange={(v) => setF({ ...f, strategy: v })} />
          <Area lines className="md:col-span-2" label={t('governance.bcdr.contacts')} value={f.contacts} onChange={(v) => setF({ ...f, contacts: v })} />
          <Text label={t('governance.bcdr.lastTest')} type="date" value={f.lastTestDate} onChange={(v) => setF({ ...f, lastTestDate: v })} />
          <Select label={t('governance.bcdr.result')} value={f.lastTestResult} onChange={(v) => setF({ ...f, lastTestResult: v })} options={[{ value: '', label: '—' }, ...testResults.map((r) => ({ value: r, label: t(`governance.testResult.${r}`) }))]} />
          <Area className="md:col-span-2" label={t('governance.bcdr.testNotes')} value={f.lastTestNotes} onChange={(v) => setF({ ...f, lastTestNotes: v })} rows={2} />
          <Text label={t('governance.bcdr.nextTest')} type="date" value={f.nextTestDate} onChange={(v) => setF({ ...f, nextTestDate: v })} />
          <FileField label={t('governance.bcdr.file')} value={f.fileId} onChange={(v) => setF({ ...f, fileId: v })} />
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


export function BcdrPage() {
  const { t } = useTranslation();
  const hours = (m: number) => (m % 60 === 0 ? t('governance.bcdr.hours', { count: m / 60 }) : t('governance.bcdr.minutes', { count: m }));
  const qc = useQueryClient();
  const confirm = useConfirm();
  const canManage = usePermission('governance.manage');
  const [q, setQ] = React.useState('');
  const [includeDeleted, setIncludeDeleted] = React.useState(false);
  const [dialog, setDialog] = React.useState<{ plan: TBcdr | null } | null>(null);
  const list = useQuery({ queryKey: ['governance', 'bcdr', q, includeDeleted], queryFn: () => govApi.bcdr({ q: q || undefined, includeDeleted: includeDeleted || undefined }) });
  const refresh = (msg: string) => {
    void qc.invalidateQueries({ queryKey: ['governance', 'bcdr'] });
    toast.success(msg);
  };
  const remove = useMutation({ mutationFn: (p: TBcdr) => govApi.deleteBcdr(p.id), onSuccess: () => refresh(t('governance.bcdr.deleted')) });
  const restore = useMutation({ mutationFn: (p: TBcdr) => govApi.restoreBcdr(p.id), onSuccess: () => refresh(t('governance.bcdr.restored')) });
  return (
    <div>
      <PageHeader
        title={t('governance.bcdr.title')}
        description={t('governance.bcdr.description')}
        actions={
          canManage ? (
            <Button onClick={() => setDialog({ plan: null })}>
              <Plus />
              {t('governance.bcdr.add')}
            </Button>
          ) : null
        }
      />
      <div className="mb-3 flex flex-wrap items-center gap-4">
        <Input className="max-w-xs" placeholder={t('governance.search')} aria-label={t('governance.search')} value={q} onChange={(e) => setQ(e.target.value)} />
        <div className="flex items-center gap-2">
          <Checkbox id="bcdr-deleted" checked={includeDeleted} onCheckedChange={(v) => setIncludeDeleted(v === true)} />
          <Label htmlFor="bcdr-deleted">{t('governance.showDeleted')}</Label>
        </div>
        <div className="ml-auto">
          <ExportButtons endpoint="/api/governance/bcdr" params={{ q: q || undefined }} />
        </div>
      </div>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t('governance.bcdr.service')}</TableHead>
            <TableHead>RTO / RPO</TableHead>
            <TableHead>{t('governance.bcdr.strategy')}</TableHead>
            <TableHead>{t('governance.bcdr.lastTest')}</TableHead>
            <TableHead>{t('governance.bcdr.nextTest')}</TableHead>
            <TableHead />
          </TableRow>
        </TableHeader>
        <TableBody>
          {(list.data ?? []).map((p) => (
            <TableRow key={p.id} className={p.deletedAt ? 'opacity-60' : undefined}>
              <TableCell>
                <div className="font-medium">
                  {p.serviceName}{' '}
                  {p.fileId ? (
                    <a className="text-xs font-normal text-primary hover:underline" href={fileHref(p.fileId)} target="_blank" rel="noreferrer">
                      {t('governance.file.open')}
                    </a>
                  ) : null}
                </div>
                <div className="text-xs text-muted-foreground">{p.opdName ?? ''}</div>
                <div className="text-xs text-muted-foreground">{p.contacts.map((c) => `${c.name} (${c.role}) ${c.phone}`).join('; ')}</div>
              </TableCell>
              <TableCell className="whitespace-nowrap">
                {hours(p.rtoMinutes)} / {hours(p.rpoMinutes)}
              </TableCell>
              <TableCell className="max-w-md text-sm">{p.strategy}</TableCell>
              <TableCell>
                {tgl(p.lastTestDate)} {p.lastTestResult ? <StatusBadge status={p.lastTestResult} label={t(`governance.testResult.${p.lastTestResult}`)} /> : null}
              </TableCell>
              <TableCell>{tgl(p.nextTestDate)}</TableCell>
              <TableCell className="whitespace-nowrap">
                {canManage && !p.deletedAt ? (
                  <>
                    <Button size="icon" variant="ghost" aria-label={t('governance.edit')} onClick={() => setDialog({ plan: p })}>
                      <Pencil />
                    </Button>
                    <Button
                      size="icon"
                      variant="ghost"
                      aria-label={t('governance.delete')}
                      onClick={async () => {
                        if (await confirm({ title: t('governance.bcdr.deleteTitle', { name: p.serviceName }), description: t('governance.deleteHint'), confirmLabel: t('governance.delete') })) remove.mutate(p);
                      }}
                    >
                      <Trash2 />
                    </Button>
                  </>
                ) : null}
                {canManage && p.deletedAt ? (
                  <Button size="icon" variant="ghost" aria-label={t('governance.restore')} onClick={() => restore.mutate(p)}>
                    <ArchiveRestore />
                  </Button>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
          {list.data?.length === 0 ? (
            <TableRow>
              <TableCell colSpan={6} className="text-center text-muted-foreground">
                {t('governance.empty')}
              </TableCell>
            </TableRow>
          ) : null}
        </TableBody>
      </Table>
      <BcdrDialog open={!!dialog} plan={dialog?.plan ?? null} onClose={() => setDialog(null)} />
    </div>
  );
}
