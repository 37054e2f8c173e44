import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Plus, Trash2 } from 'lucide-react';
import { certKinds, certUses, needPriorities, type TCertNeed } from '@persada/shared';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Input, NativeSelect, Textarea } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { ExportButtons } from '@/components/data-table';
import { FormErrors, toast, useConfirm } from '@/components/form';
import { useMe, usePermission } from '@/lib/auth';
import { useOpdOptions } from '@/lib/lookups';
import { certApi, currentYear } from '../api';
import { YearSelect } from './shared';

/** /sertifikat/kebutuhan — needs per OPD per year (K2, P4, P9), analysis and roll-up. */
export function NeedsPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const confirm = useConfirm();
  const me = useMe();
  const canManage = usePermission('certificates.manage');
  const isDinas = !!me?.roles.some((r) => r.opdId === null) && canManage;
  const [year, setYear] = React.useState(currentYear());
  const opds = useOpdOptions();
  const list = useQuery({
    queryKey: ['certificates', 'needs', year],
    queryFn: () => certApi.needs({ year, pageSize: 200 }),
  });
  const summary = useQuery({
    queryKey: ['certificates', 'needs-summary', year],
    queryFn: () => certApi.needsSummary(year),
  });
  const [open, setOpen] = React.useState(false);
  const [form, setForm] = React.useState({
    opdId: '',
    kind: 'individual',
    holderName: '',
    quantity: '1',
    uses: ['signing'] as string[],
    justification: '',
  });
  const [analyse, setAnalyse] = React.useState<TCertNeed | null>(null);
  const [priority, setPriority] = React.useState('high');
  const [notes, setNotes] = React.useState('');
  const refresh = () => void qc.invalidateQueries({ queryKey: ['certificates'] });
  const create = useMutation({
    mutationFn: () =>
      certApi.createNeed({
        ...form,
        year,
        quantity: Number(form.quantity),
        uses: form.uses as any,
        kind: form.kind as any,
      }),
    onSuccess: () => (refresh(), setOpen(false), toast.success(t('certificates.needs.saved'))),
  });
  const remove = useMutation({
    mutationFn: (id: string) => certApi.deleteNeed(id),
    onSuccess: () => (refresh(), toast.success(t('certificates.needs.deleted'))),
  });
  const save = useMutation({
    mutationFn: () =>
      certApi.analyseNeed(analyse!.id, {
        priority,
        analysisNotes: notes || null,
      }),
    onSuccess: () => (refresh(), setAnalyse(null), toast.success(t('certificates.needs.analysed'))),
  });
  return (
    <div className="grid gap-5">
      <PageHeader
        title={t('certificates.needs.title')}
        description={t('certificates.needs.description')}
        actions={
          <>
            <YearSelect value={year} onChange={setYear} />
            {canManage ? (
              <Button
                onClick={() => (
                  setForm((f) => ({
                    ...f,
                    opdId: f.opdId || opds.data?.[0]?.value || '',
                  })),
                  setOpen(true)
                )}
              >
                <Plus />
                {t('certificates.needs.add')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card>
        <CardHeader>
          <CardTitle>{t('certificates.needs.summary')}</CardTitle>
        </CardHeader>
        <CardContent>
          <Table aria-label={t('certificates.needs.summary')}>
            <TableHeader>
              <TableRow>
                <TableHead>{t('certificates.field.opd')}</TableHead>
                <TableHead>{t('certificates.kind.individual')}</TableHead>
                <TableHead>{t('certificates.kind.position')}</TableHead>
                <TableHead>{t('certificates.kind.system')}</TableHead>
                <TableHead>{t('certificates.needs.total')}</TableHead>
                <TableHead>{t('certificates.needs.highPriority')}</TableHead>
                <TableHead>{t('certificates.needs.analysed')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {(summary.data ?? []).map((r) => (
                <TableRow key={r.opdId}>
                  <TableCell>{r.opdName}</TableCell>
                  <TableCell>{r.individual}</TableCell>
                  <TableCell>{r.position}</TableCell>
                  <TableCell>{r.system}</TableCell>
                  <TableCell className="font-medium">{r.total}</TableCell>
                  <TableCell>{r.high}</TableCell>
                  <TableCell>
                    {r.analyzed}/{r.entries}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <Card>
        <CardHeader className="flex flex-row items-center justify-between">
          <CardTitle>{t('certificates.needs.entries')}</CardTitle>
          <ExportButtons endpoint="/api/certificates/needs" params={{ year }} />
        </CardHeader>
        <CardContent>
          <Table aria-label={t('certificates.needs.entries')}>
            <TableHeader>
              <TableRow>
                <TableHead>{t('certificates.field.opd')}</TableHead>
                <TableHead>{t('certificates.kindLabel')}</TableHead>
                <TableHead>{t('certificates.needs.holder')}</TableHead>
                <TableHead>{t('certificates.needs.quantity')}</TableHead>
                <TableHead>{t('certificates.field.uses')}</TableHead>
                <TableHead>{t('certificates.needs.priority')}</TableHead>
                <TableHead>
                  <span className="sr-only">{t('common.actions')}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {(list.data?.items ?? []).map((n) => (
                <TableRow key={n.id}>
                  <TableCell>{n.opdName}</TableCell>
                  <TableCell>{t(`certificates.kind.${n.kind}`)}</TableCell>
                  <TableCell>
                    {n.holderName}
                    {n.justification ? <div className="text-xs text-muted-foreground">{n.justification}</div> : null}
                  </TableCell>
                  <TableCell>{n.quantity}</TableCell>
                  <TableCell>{n.uses.map((u) => t(`certificates.use.${u}`)).join(', ')}</TableCell>
                  <TableCell>
                    {n.priority ? (
                      t(`certificates.priority.${n.priority}`)
                    ) : (
                      <span className="text-muted-foreground">{t('certificates.needs.notAnalysed')}</span>
                    )}
                    {n.analysisNotes ? <div className="text-xs text-muted-foreground">{n.analysisNotes}</div> : null}
                  </TableCell>
                  <TableCell className="text-right">
                    {isDinas ? (
                      <Button size="sm" variant="outline" onClick={() => (setAnalyse(n), setPriority(n.priority ?? 'high'), setNotes(n.analysisNotes ?? ''))}>
                        {t('certificates.needs.analyse')}
                      </Button>
                    ) : null}
                    {canManage ? (
                      <Button
                        size="icon"
                        variant="ghost"
                        aria-label={t('certificates.needs.delete')}
                        onClick={async () => {
                          if (
                            await confirm({
                              title: t('certificates.needs.deleteTitle'),
                              description: n.holderName,
                              confirmLabel: t('confirm.yesDelete'),
                            })
                          )
                            remove.mutate(n.id);
                        }}
                      >
                        <Trash2 className="text-destructive" />
                      </Button>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{t('certificates.needs.add')}</DialogTitle>
          </DialogHeader>
          <div className="grid gap-2">
            <Label htmlFor="need-opd">{t('certificates.field.opd')}</Label>
            <NativeSelect id="need-opd" value={form.opdId} onChange={(e) => setForm({ ...form, opdId: e.target.value })}>
              {(opds.data ?? []).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </NativeSelect>
            <Label htmlFor="need-kind">{t('certificates.kindLabel')}</Label>
            <NativeSelect id="need-kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
              {certKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`certificates.kind.${k}`)}
                </option>
              ))}
            </NativeSelect>
            <Label htmlFor="need-holder">{t('certificates.needs.holder')}</Label>
            <Input id="need-holder" value={form.holderName} onChange={(e) => setForm({ ...form, holderName: e.target.value })} />
            <Label htmlFor="need-qty">{t('certificates.needs.quantity')}</Label>
            <Input id="need-qty" type="number" min={1} value={form.quantity} onChange={(e) => setForm({ ...form, quantity: e.target.value })} />
            <fieldset className="grid gap-1">
              <legend className="text-sm font-medium">{t('certificates.field.uses')}</legend>
              {certUses.map((u) => (
                <label key={u} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={form.uses.includes(u)}
                    onChange={(e) =>
                      setForm({
                        ...form,
                        uses: e.target.checked ? [...form.uses, u] : form.uses.filter((x) => x !== u),
                      })
                    }
                  />
                  {t(`certificates.use.${u}`)}
                </label>
              ))}
            </fieldset>
            <Label htmlFor="need-just">{t('certificates.needs.justification')}</Label>
            <Textarea id="need-just" value={form.justification} onChange={(e) => setForm({ ...form, justification: e.target.value })} />
          </div>
          <DialogFooter>
            <Button variant="outline" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button disabled={!form.holderName.trim() || !form.opdId || create.isPending} onClick={() => create.mutate()}>
              {t('common.save')}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
      <Dialog open={!!analyse} onOpenChange={(o) => (o ? null : setAnalyse(null))}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{t('certificates.needs.analyse')}</DialogTitle>
          </DialogHeader>
          <Label htmlFor="need-prio">{t('certificates.needs.priority')}</Label>
          <NativeSelect id="need-prio" value={priority} onChange={(e) => setPriority(e.target.value)}>
            {needPriorities.map((p) => (
              <option key={p} value={p}>
                {t(`certificates.priority.${p}`)}
              </option>
            ))}
          </NativeSelect>
          <Label htmlFor="need-notes">{t('certificates.needs.notes')}</Label>
          <Textarea id="need-notes" value={notes} onChange={(e) => setNotes(e.target.value)} />
          <FormErrors error={save.error} />
          <DialogFooter>
            <Button variant="outline" onClick={() => setAnalyse(null)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => save.mutate()} disabled={save.isPending}>
              {t('common.save')}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
