import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Pencil, Plus, UserMinus } from 'lucide-react';
import type { TProviderAgreement, TRaOperator } from '@persada/shared';
import { PageHeader } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Input, NativeSelect, Textarea } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { FormDialogFooter, toast, useConfirm } from '@/components/form';
import { api, errorText, type Page } from '@/lib/api';
import { useMe, usePermission } from '@/lib/auth';
import { certApi, formatDate, uploadFile } from '../api';

type UserOption = { id: string; email: string; displayName: string };

/** Appoints an RA operator by decree (K11): the person, decree number and date. */
function AppointDialog({ open, onOpenChange, operators }: { open: boolean; onOpenChange: (o: boolean) => void; operators: TRaOperator[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [search, setSearch] = React.useState('');
  const [userId, setUserId] = React.useState('');
  const [decreeNumber, setDecreeNumber] = React.useState('');
  const [decreeDate, setDecreeDate] = React.useState('');
  const users = useQuery({
    queryKey: ['users', 'ra-candidates', search],
    queryFn: () => api.get<Page<UserOption>>('/api/users', { q: search || undefined, pageSize: 20, sort: 'displayName' }),
    enabled: open,
  });
  const active = new Set(operators.filter((o) => o.active).map((o) => o.userId));
  const options = (users.data?.items ?? []).filter((u) => !active.has(u.id));
  const appoint = useMutation({
    mutationFn: () => certApi.appoint({ userId, decreeNumber: decreeNumber.trim(), decreeDate }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['certificates'] });
      toast.success(t('certificates.raAdmin.appointed'));
      onOpenChange(false);
      setUserId('');
      setDecreeNumber('');
      setDecreeDate('');
      setSearch('');
    },
    onError: (e) => toast.error(errorText(e)),
  });
  const valid = !!userId && decreeNumber.trim().length > 0 && !!decreeDate;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t('certificates.raAdmin.appointTitle')}</DialogTitle>
          <DialogDescription>{t('certificates.raAdmin.appointHelp')}</DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (valid) appoint.mutate();
          }}
        >
          <div className="grid gap-1">
            <Label htmlFor="ra-search">{t('certificates.raAdmin.searchUser')}</Label>
            <Input id="ra-search" value={search} onChange={(e) => setSearch(e.target.value)} />
          </div>
          <div className="grid gap-1">
            <Label htmlFor="ra-user">{t('certificates.raAdmin.user')} *</Label>
            <NativeSelect id="ra-user" value={userId} onChange={(e) => setUserId(e.target.value)}>
              <option value="">{t('certificates.raAdmin.chooseUser')}</option>
              {options.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName} ({u.email})
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="grid gap-1 sm:grid-cols-2 sm:gap-3">
            <div className="grid gap-1">
              <Label htmlFor="ra-decree">{t('certificates.raAdmin.decreeNumber')} *</Label>
              <Input id="ra-decree" value={decreeNumber} maxLength={100} onChange={(e) => setDecreeNumber(e.target.value)} />
            </div>
            <div className="grid gap-1">
              <Label htmlFor="ra-decree-date">{t('certificates.raAdmin.decreeDate')} *</Label>
              <Input id="ra-decree-date" type="date" value={decreeDate} onChange={(e) => setDecreeDate(e.target.value)} />
            </div>
          </div>
          <FormDialogFooter pending={appoint.isPending} onCancel={() => onOpenChange(false)} submitLabel={t('certificates.raAdmin.appoint')} />
        </form>
      </DialogContent>
    </Dialog>
  );
}

const emptyAgreement = { provider: '', agreementNumber: '', signedOn: '', validUntil: '', notes: '' };

/** Records (or corrects) the agreement with the certificate provider (K1). */
function AgreementDialog({ editing, onClose }: { editing: TProviderAgreement | 'new' | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [f, setF] = React.useState(emptyAgreement);
  const [file, setFile] = React.useState<File | null>(null);
  React.useEffect(() => {
    setFile(null);
    if (editing && editing !== 'new')
      setF({
        provider: editing.provider,
        agreementNumber: editing.agreementNumber,
        signedOn: editing.signedOn,
        validUntil: editing.validUntil ?? '',
        notes: editing.notes ?? '',
      });
    else setF({ ...emptyAgreement, provider: 'Balai Sertifikasi Elektronik (BSrE) – BSSN' });
  }, [editing]);
  const save = useMutation({
    mutationFn: async () => {
      const fileId = file ? (await uploadFile(file)).id : undefined;
      const body = {
        provider: f.provider.trim(),
        agreementNumber: f.agreementNumber.trim(),
        signedOn: f.signedOn,
        validUntil: f.validUntil || null,
        notes: f.notes.trim() || null,
        fileId,
      };
      return editing && editing !== 'new' ? certApi.updateAgreement(editing.id, body) : certApi.saveAgreement(body);
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['certificates', 'agreements'] });
      toast.success(t('certificates.raAdmin.agreementSaved'));
      onClose();
    },
    onError: (e) => toast.error(errorText(e)),
  });
  const badRange = !!f.validUntil && !!f.signedOn && f.validUntil < f.signedOn;
  const valid = f.provider.trim() && f.agreementNumber.trim() && f.signedOn && !badRange;
  return (
    <Dialog open={!!editing} onOpenChange={(o) => (!o ? onClose() : undefined)}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{editing === 'new' ? t('certificates.raAdmin.addAgreement') : t('certificates.raAdmin.editAgreement')}</DialogTitle>
          <DialogDescription>{t('certificates.raAdmin.agreementHelp')}</DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (valid) save.mutate();
          }}
        >
          <div className="grid gap-1">
            <Label htmlFor="pa-provider">{t('certificates.raAdmin.provider')} *</Label>
            <Input id="pa-provider" value={f.provider} maxLength={200} onChange={(e) => setF({ ...f, provider: e.target.value })} />
          </div>
          <div className="grid gap-1">
            <Label htmlFor="pa-number">{t('certificates.raAdmin.agreementNumber')} *</Label>
            <Input id="pa-number" value={f.agreementNumber} maxLength={100} onChange={(e) => setF({ ...f, agreementNumber: e.target.value })} />
          </div>
          <div className="grid gap-1 sm:grid-cols-2 sm:gap-3">
            <div className="grid gap-1">
              <Label htmlFor="pa-signed">{t('certificates.raAdmin.signedOn')} *</Label>
              <Input id="pa-signed" type="date" value={f.signedOn} onChange={(e) => setF({ ...f, signedOn: e.target.value })} />
            </div>
            <div className="grid gap-1">
              <Label htmlFor="pa-until">{t('certificates.raAdmin.validUntil')}</Label>
              <Input id="pa-until" type="date" value={f.validUntil} onChange={(e) => setF({ ...f, validUntil: e.target.value })} />
            </div>
          </div>
          {badRange ? (
            <p className="text-sm text-destructive" role="alert">
              {t('certificates.raAdmin.badRange')}
            </p>
          ) : null}
          <div className="grid gap-1">
            <Label htmlFor="pa-file">{t('certificates.raAdmin.file')}</Label>
            <Input id="pa-file" type="file" accept="application/pdf,image/jpeg,image/png" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            {editing && editing !== 'new' && editing.fileName ? (
              <p className="text-xs text-muted-foreground">{t('certificates.raAdmin.fileKept', { name: editing.fileName })}</p>
            ) : null}
          </div>
          <div className="grid gap-1">
            <Label htmlFor="pa-notes">{t('certificates.raAdmin.notes')}</Label>
            <Textarea id="pa-notes" value={f.notes} maxLength={2000} onChange={(e) => setF({ ...f, notes: e.target.value })} />
          </div>
          <FormDialogFooter pending={save.isPending} onCancel={onClose} />
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** /sertifikat/pengelola-ra — RA operators appointed by decree (K11) and the provider agreement (K1). */
export function RaAdminPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const confirm = useConfirm();
  const me = useMe();
  const isDinas = usePermission('certificates.manage') && !!me?.roles.some((r) => r.opdId === null);
  const canPickUsers = usePermission('access.read');
  const ops = useQuery({ queryKey: ['certificates', 'operators'], queryFn: () => certApi.operators() });
  const agreements = useQuery({ queryKey: ['certificates', 'agreements'], queryFn: () => certApi.agreements() });
  const [appointOpen, setAppointOpen] = React.useState(false);
  const [editing, setEditing] = React.useState<TProviderAgreement | 'new' | null>(null);
  const [showEnded, setShowEnded] = React.useState(false);
  const end = useMutation({
    mutationFn: (id: string) => certApi.endAppointment(id),
    onSuccess: () => (void qc.invalidateQueries({ queryKey: ['certificates'] }), toast.success(t('certificates.raAdmin.ended'))),
    onError: (e) => toast.error(errorText(e)),
  });
  const askEnd = async (o: TRaOperator) => {
    if (
      await confirm({
        title: t('certificates.raAdmin.endTitle'),
        description: t('certificates.raAdmin.endDescription', { name: o.userName ?? '—', decree: o.decreeNumber }),
        confirmLabel: t('certificates.raAdmin.end'),
      })
    )
      end.mutate(o.id);
  };
  const today = new Date().toISOString().slice(0, 10);
  const list = (ops.data ?? []).filter((o) => showEnded || o.active);
  return (
    <div className="grid gap-5">
      <PageHeader title={t('certificates.raAdmin.title')} description={t('certificates.raAdmin.description')} />
      <Card>
        <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2">
          <div>
            <CardTitle>{t('certificates.raAdmin.operators')}</CardTitle>
            <CardDescription>{t('certificates.raAdmin.operatorsHelp')}</CardDescription>
          </div>
          <div className="flex items-center gap-3">
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={showEnded} onChange={(e) => setShowEnded(e.target.checked)} />
              {t('certificates.raAdmin.showEnded')}
            </label>
            {isDinas && canPickUsers ? (
              <Button onClick={() => setAppointOpen(true)}>
                <Plus />
                {t('certificates.raAdmin.appoint')}
              </Button>
            ) : null}
          </div>
        </CardHeader>
        <CardContent>
          <Table aria-label={t('certificates.raAdmin.operators')}>
            <TableHeader>
              <TableRow>
                <TableHead>{t('certificates.raAdmin.user')}</TableHead>
                <TableHead>{t('certificates.raAdmin.decreeNumber')}</TableHead>
                <TableHead>{t('certificates.raAdmin.decreeDate')}</TableHead>
                <TableHead>{t('certificates.raAdmin.raCert')}</TableHead>
                <TableHead>{t('certificates.field.status')}</TableHead>
                <TableHead>
                  <span className="sr-only">{t('common.actions')}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.map((o) => (
                <TableRow key={o.id}>
                  <TableCell className="font-medium">{o.userName ?? '—'}</TableCell>
                  <TableCell>{o.decreeNumber}</TableCell>
                  <TableCell>{formatDate(o.decreeDate)}</TableCell>
                  <TableCell className="text-sm">
                    {o.raCertValid ? t('certificates.ra.valid', { until: formatDate(o.raCertNotAfter) }) : t('certificates.ra.invalid')}
                  </TableCell>
                  <TableCell>
                    <Badge variant={o.active ? 'success' : 'secondary'}>{o.active ? t('certificates.raAdmin.active') : t('certificates.ra.ended')}</Badge>
                  </TableCell>
                  <TableCell className="text-right">
                    {isDinas && o.active ? (
                      <Button size="sm" variant="outline" onClick={() => void askEnd(o)} disabled={end.isPending}>
                        <UserMinus />
                        {t('certificates.raAdmin.end')}
                      </Button>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
              {ops.data && !list.length ? (
                <TableRow>
                  <TableCell colSpan={6} className="text-center text-muted-foreground">
                    {t('certificates.raAdmin.noOperators')}
                  </TableCell>
                </TableRow>
              ) : null}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <Card>
        <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2">
          <div>
            <CardTitle>{t('certificates.ra.agreements')}</CardTitle>
            <CardDescription>{t('certificates.raAdmin.agreementsHelp')}</CardDescription>
          </div>
          {isDinas ? (
            <Button onClick={() => setEditing('new')}>
              <Plus />
              {t('certificates.raAdmin.addAgreement')}
            </Button>
          ) : null}
        </CardHeader>
        <CardContent>
          <Table aria-label={t('certificates.ra.agreements')}>
            <TableHeader>
              <TableRow>
                <TableHead>{t('certificates.raAdmin.provider')}</TableHead>
                <TableHead>{t('certificates.raAdmin.agreementNumber')}</TableHead>
                <TableHead>{t('certificates.raAdmin.signedOn')}</TableHead>
                <TableHead>{t('certificates.raAdmin.validUntil')}</TableHead>
                <TableHead>
                  <span className="sr-only">{t('common.actions')}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {(agreements.data ?? []).map((a) => (
                <TableRow key={a.id}>
                  <TableCell>
                    {a.provider}
                    {a.notes ? <div className="text-xs text-muted-foreground">{a.notes}</div> : null}
                  </TableCell>
                  <TableCell>
                    {a.agreementNumber}
                    {a.fileName ? (
                      <div>
                        <a className="text-xs underline" href={certApi.agreementFileUrl(a.id)} download>
                          {a.fileName}
                        </a>
                      </div>
                    ) : null}
                  </TableCell>
                  <TableCell>{formatDate(a.signedOn)}</TableCell>
                  <TableCell>
                    {a.validUntil ? formatDate(a.validUntil) : '—'}{' '}
                    {a.validUntil && a.validUntil < today ? <Badge variant="destructive">{t('certificates.raAdmin.expired')}</Badge> : null}
                  </TableCell>
                  <TableCell className="text-right">
                    {isDinas ? (
                      <Button size="sm" variant="ghost" onClick={() => setEditing(a)} aria-label={t('certificates.raAdmin.editAgreement')}>
                        <Pencil />
                      </Button>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
              {agreements.data && !agreements.data.length ? (
                <TableRow>
                  <TableCell colSpan={5} className="text-center text-muted-foreground">
                    {t('certificates.raAdmin.noAgreements')}
                  </TableCell>
                </TableRow>
              ) : null}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      {appointOpen ? <AppointDialog open={appointOpen} onOpenChange={setAppointOpen} operators={ops.data ?? []} /> : null}
      <AgreementDialog editing={editing} onClose={() => setEditing(null)} />
    </div>
  );
}
