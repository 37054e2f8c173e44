import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Plus } from 'lucide-react';
import { complaintCategories, complaintStatuses, type TComplaint } from '@persada/shared';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Input, NativeSelect, Textarea } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { toast } from '@/components/form';
import { useMe, usePermission } from '@/lib/auth';
import { certApi, formatDateTime } from '../api';
import { StatusBadge } from './shared';

/** /sertifikat/pengaduan — problems and complaints (K11, K12). */
export function ComplaintsPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const me = useMe();
  const isDinas = usePermission('certificates.manage') && !!me?.roles.some((r) => r.opdId === null);
  const q = useQuery({
    queryKey: ['certificates', 'complaints'],
    queryFn: () => certApi.complaints(),
  });
  const ops = useQuery({
    queryKey: ['certificates', 'operators'],
    queryFn: () => certApi.operators(),
    meta: { silent: true },
    retry: false,
  });
  const [open, setOpen] = React.useState(false);
  const [form, setForm] = React.useState({
    category: 'technical',
    subject: '',
    description: '',
    aboutOperatorUserId: '',
  });
  const [handle, setHandle] = React.useState<TComplaint | null>(null);
  const [h, setH] = React.useState({
    status: 'in_progress',
    response: '',
    providerReference: '',
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['certificates', 'complaints'] });
  const create = useMutation({
    mutationFn: () =>
      certApi.createComplaint({
        ...form,
        category: form.category as any,
        aboutOperatorUserId: form.category === 'operator' ? form.aboutOperatorUserId || null : null,
      }),
    onSuccess: () => (refresh(), setOpen(false), toast.success(t('certificates.complaint.sent'))),
  });
  const update = useMutation({
    mutationFn: () =>
      certApi.updateComplaint(handle!.id, {
        status: h.status as any,
        response: h.response || null,
        providerReference: h.providerReference || null,
      }),
    onSuccess: () => (refresh(), setHandle(null), toast.success(t('certificates.complaint.updated'))),
  });
  return (
    <div className="grid gap-5">
      <PageHeader
        title={t('certificates.complaint.title')}
        description={t('certificates.complaint.description')}
        actions={
          <Button onClick={() => setOpen(true)}>
            <Plus />
            {t('certificates.complaint.add')}
          </Button>
        }
      />
      <Card>
        <CardContent className="pt-6">
          <Table aria-label={t('certificates.complaint.title')}>
            <TableHeader>
              <TableRow>
                <TableHead>{t('certificates.field.number')}</TableHead>
                <TableHead>{t('certificates.complaint.category')}</TableHead>
                <TableHead>{t('certificates.complaint.subject')}</TableHead>
                <TableHead>{t('certificates.field.status')}</TableHead>
                <TableHead>{t('certificates.complaint.response')}</TableHead>
                <TableHead>
                  <span className="sr-only">{t('common.actions')}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {(q.data ?? []).map((c) => (
                <TableRow key={c.id}>
                  <TableCell>{c.number}</TableCell>
                  <TableCell>
                    {t(`certificates.category.${c.category}`)}
                    {c.aboutOperatorName ? <div className="text-xs text-muted-foreground">{c.aboutOperatorName}</div> : null}
                  </TableCell>
                  <TableCell>
                    {c.subject}
                    <div className="text-xs text-muted-foreground">
                      {c.raisedByName} · {formatDateTime(c.createdAt)}
                    </div>
                  </TableCell>
                  <TableCell>
                    <StatusBadge status={c.status} />
                  </TableCell>
                  <TableCell className="text-sm">
                    {c.response ?? '—'}
                    {c.providerReference ? <div className="text-xs text-muted-foreground">BSrE: {c.providerReference}</div> : null}
                  </TableCell>
                  <TableCell className="text-right">
                    {isDinas && c.aboutOperatorUserId !== me?.userId ? (
                      <Button
                        size="sm"
                        variant="outline"
                        onClick={() => (
                          setHandle(c),
                          setH({
                            status: c.status,
                            response: c.response ?? '',
                            providerReference: c.providerReference ?? '',
                          })
                        )}
                      >
                        {t('certificates.complaint.handle')}
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
            <DialogTitle>{t('certificates.complaint.add')}</DialogTitle>
          </DialogHeader>
          <Label htmlFor="cmp-cat">{t('certificates.complaint.category')}</Label>
          <NativeSelect id="cmp-cat" value={form.category} onChange={(e) => setForm({ ...form, category: e.target.value })}>
            {complaintCategories.map((c) => (
              <option key={c} value={c}>
                {t(`certificates.category.${c}`)}
              </option>
            ))}
          </NativeSelect>
          {form.category === 'operator' ? (
            <>
              <Label htmlFor="cmp-op">{t('certificates.complaint.operator')}</Label>
              <NativeSelect id="cmp-op" value={form.aboutOperatorUserId} onChange={(e) => setForm({ ...form, aboutOperatorUserId: e.target.value })}>
                <option value="">—</option>
                {(ops.data ?? [])
                  .filter((o) => o.active)
                  .map((o) => (
                    <option key={o.id} value={o.userId}>
                      {o.userName}
                    </option>
                  ))}
              </NativeSelect>
            </>
          ) : null}
          <Label htmlFor="cmp-subject">{t('certificates.complaint.subject')}</Label>
          <Input id="cmp-subject" value={form.subject} onChange={(e) => setForm({ ...form, subject: e.target.value })} />
          <Label htmlFor="cmp-desc">{t('certificates.complaint.details')}</Label>
          <Textarea id="cmp-desc" value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} rows={4} />
          <DialogFooter>
            <Button variant="outline" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button disabled={!form.subject.trim() || !form.description.trim() || create.isPending} onClick={() => create.mutate()}>
              {t('certificates.complaint.send')}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
      <Dialog open={!!handle} onOpenChange={(o) => (o ? null : setHandle(null))}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{t('certificates.complaint.handle')}</DialogTitle>
          </DialogHeader>
          <Label htmlFor="h-status">{t('certificates.field.status')}</Label>
          <NativeSelect id="h-status" value={h.status} onChange={(e) => setH({ ...h, status: e.target.value })}>
            {complaintStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`certificates.status.${s}`)}
              </option>
            ))}
          </NativeSelect>
          <Label htmlFor="h-resp">{t('certificates.complaint.response')}</Label>
          <Textarea id="h-resp" value={h.response} onChange={(e) => setH({ ...h, response: e.target.value })} />
          <Label htmlFor="h-ref">{t('certificates.complaint.providerReference')}</Label>
          <Input id="h-ref" value={h.providerReference} onChange={(e) => setH({ ...h, providerReference: e.target.value })} />
          <DialogFooter>
            <Button variant="outline" onClick={() => setHandle(null)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => update.mutate()} disabled={update.isPending}>
              {t('common.save')}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
