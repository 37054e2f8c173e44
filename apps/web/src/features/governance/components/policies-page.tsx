import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ArchiveRestore, FileDown, Pencil, Plus, Trash2 } from 'lucide-react';
import { internalPolicyElements, policyAssurances, policyKinds, policyScopes, policyStatuses, type TPolicy } from '@persada/shared';
import { PageHeader } from '@/components/layout/page-header';
import { ExportButtons } from '@/components/data-table/export-buttons';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { ComplianceLinks } from '@/components/compliance-links';
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { FormErrors, toast, useConfirm } from '@/components/form';
import { usePermission } from '@/lib/auth';
import { govApi, linesOf, textOf } from '../api';
import { Area, Select, StatusBadge, Text, tgl } from './shared';
import { FileField, fileHref } from '@/components/file-field';

type Status = (typeof policyStatuses)[number];
/** The buttons shown per status (the server checks the same rules). */
const NEXT: Record<Status, { to: Status; perm: 'governance.manage' | 'governance.approve' }[]> = {
  draft: [{ to: 'review', perm: 'governance.manage' }],
  review: [
    { to: 'draft', perm: 'governance.manage' },
    { to: 'approved', perm: 'governance.approve' },
  ],
  approved: [{ to: 'in_force', perm: 'governance.approve' }],
  in_force: [{ to: 'superseded', perm: 'governance.approve' }],
  superseded: [],
};

type Form = { kind: string; title: string; number: string; legalForm: string; scopes: string[]; scopeText: string; legalBasis: string; elements: string[]; assurances: string[]; effectiveDate: string; notes: string; fileId: string | null; supersedesId?: string | null };
const empty: Form = { kind: 'regulation', title: '', number: '', legalForm: '', scopes: [], scopeText: '', legalBasis: '', elements: [], assurances: [], effectiveDate: '', notes: '', fileId: null };

function PolicyDialog({ open, onOpenChange, policy, supersedes }: { open: boolean; onOpenChange: (o: boolean) => void; policy: TPolicy | null; supersedes: TPolicy | null }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [f, setF] = React.useState<Form>(empty);
  React.useEffect(() => {
    if (!open) return;
    const p = policy ?? supersedes;
    setF(
      p
        ? { kind: p.kind, title: p.title, number: policy ? (p.number ?? '') : '', legalForm: p.legalForm ?? '', scopes: p.scopes, scopeText: p.scopeText ?? '', legalBasis: textOf(p.legalBasis), elements: p.elements, assurances: p.assurances, effectiveDate: policy ? (p.effectiveDate ?? '') : '', notes: p.notes ?? '', fileId: policy ? p.fileId : null, supersedesId: supersedes?.id ?? null }
        : empty,
    );
  }, [open, policy, supersedes]);
  const save = useMutation({
    mutationFn: () => {
      const body = { ...f, kind: f.kind as TPolicy['kind'], scopes: f.scopes as TPolicy['scopes'], elements: f.elements as TPolicy['elements'], assurances: f.assurances as TPolicy['assurances'], legalBasis: linesOf(f.legalBasis), number: f.number || null, legalForm: f.legalForm || null, scopeText: f.scopeText || null, effectiveDate: f.effectiveDate || null, notes: f.notes || null };
      return policy ? govApi.updatePolicy(policy.id, { ...body, supersedesId: undefined }) : govApi.createPolicy(body);
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['governance', 'policies'] });
      toast.success(t('governance.saved'));
      onOpenChange(false);
    },
  });
  const toggle = (k: 'scopes' | 'elements' | 'assurances', v: string) => setF((x) => ({ ...x, [k]: x[k].includes(v) ? x[k].filter((y) => y !== v) : [...x[k], v] }));
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[90vh] max-w-2xl overflow-y-auto">
        <DialogHeader>
          <DialogTitle>{policy ? t('governance.policy.edit') : supersedes ? t('governance.policy.newVersion') : t('governance.policy.add')}</DialogTitle>
        </DialogHeader>
        <div className="grid gap-3 md:grid-cols-2">
          <Select label={t('governance.policy.kind')} value={f.kind} onChange={(v) => setF({ ...f, kind: v })} options={policyKinds.map((k) => ({ value: k, label: t(`governance.policyKind.${k}`) }))} />
          <Text label={t('governance.policy.legalForm')} value={f.legalForm} onChange={(v) => setF({ ...f, legalForm: v })} />
          <Text className="md:col-span-2" label={t('governance.policy.name')} value={f.title} onChange={(v) => setF({ ...f, title: v })} required />
          <Text label={t('governance.policy.number')} value={f.number} onChange={(v) => setF({ ...f, number: v })} />
          <Text label={t('governance.policy.effectiveDate')} type="date" value={f.effectiveDate} onChange={(v) => setF({ ...f, effectiveDate: v })} />
          <fieldset className="md:col-span-2">
            <legend className="mb-1 text-sm font-medium">{t('governance.policy.scope')}</legend>
            <div className="flex flex-wrap gap-4">
              {policyScopes.map((s) => (
                <label key={s} className="flex items-center gap-2 text-sm">
                  <Checkbox checked={f.scopes.includes(s)} onCheckedChange={() => toggle('scopes', s)} />
                  {t(`governance.scope.${s}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset className="md:col-span-2">
            <legend className="mb-1 text-sm font-medium">{t('governance.policy.assurances')}</legend>
            <div className="flex flex-wrap gap-4">
              {policyAssurances.map((s) => (
                <label key={s} className="flex items-center gap-2 text-sm">
                  <Checkbox checked={f.assurances.includes(s)} onCheckedChange={() => toggle('assurances', s)} />
                  {t(`governance.assurance.${s}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <Area className="md:col-span-2" label={t('governance.policy.scopeText')} value={f.scopeText} onChange={(v) => setF({ ...f, scopeText: v })} rows={2} />
          <Area lines className="md:col-span-2" label={t('governance.policy.legalBasis')} value={f.legalBasis} onChange={(v) => setF({ ...f, legalBasis: v })} />
          <FileField className="md:col-span-2" label={t('governance.policy.file')} value={f.fileId} onChange={(v) => setF({ ...f, fileId: v })} />
          {f.kind === 'internal_policy' ? (
            <fieldset className="md:col-span-2">
              <legend className="mb-1 text-sm font-medium">{t('governance.policy.elements')}</legend>
              <div className="grid gap-1 md:grid-cols-2">
                {internalPolicyElements.map((e) => (
                  <label key={e} className="flex items-center gap-2 text-sm">
                    <Checkbox checked={f.elements.includes(e)} onCheckedChange={() => toggle('elements', e)} />
                    {t(`governance.element.${e}`)}
                  </label>
                ))}
              </div>
            </fieldset>
          ) : null}
        </div>
        {policy ? <ComplianceLinks entity="gov_policy" id={policy.id} /> : null}
        <FormErrors error={save.error} />
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
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

export function PoliciesPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const confirm = useConfirm();
  const canManage = usePermission('governance.manage');
  const canApprove = usePermission('governance.approve');
  const [kind, setKind] = React.useState('');
  const [status, setStatus] = React.useState('');
  const [q, setQ] = React.useState('');
  const [includeDeleted, setIncludeDeleted] = React.useState(false);
  const [dialog, setDialog] = React.useState<{ policy: TPolicy | null; supersedes: TPolicy | null } | null>(null);
  const list = useQuery({
    queryKey: ['governance', 'policies', kind, status, q, includeDeleted],
    queryFn: () => govApi.policies({ kind: kind || undefined, status: status || undefined, q: q || undefined, includeDeleted: includeDeleted || undefined }),
  });
  const refresh = (msg: string) => {
    void qc.invalidateQueries({ queryKey: ['governance', 'policies'] });
    toast.success(msg);
  };
  const transition = useMutation({
    mutationFn: (v: { p: TPolicy; to: Status; supersededById?: string }) => govApi.transitionPolicy(v.p.id, { to: v.to, supersededById: v.supersededById ?? null }),
    onSuccess: (p) => refresh(t('governance.policy.moved', { status: t(`governance.policyStatus.${p.status}`) })),
  });
  const remove = useMutation({ mutationFn: (p: TPolicy) => govApi.deletePolicy(p.id), onSuccess: () => refresh(t('governance.policy.deleted')) });
  const restore = useMutation({ mutationFn: (p: TPolicy) => govApi.restorePolicy(p.id), onSuccess: () => refresh(t('governance.policy.restored')) });
  const all = list.data ?? [];

  const ask = async (p: TPolicy, to: Status) => {
    let supersededById: string | undefined;
    if (to === 'superseded') {
      const successor = all.find((x) => x.supersedesId === p.id && ['approved', 'in_force'].includes(x.status));
      if (!successor) {
        toast.error(t('governance.policy.needSuccessor'));
        return;
      }
      supersededById = successor.id;
    }
    const ok = await confirm({
      title: t('governance.policy.confirmTitle', { name: p.title, status: t(`governance.policyStatus.${to}`) }),
      description: t(`governance.policy.confirm.${to}`),
      confirmLabel: t(`governance.policy.action.${to}`),
      destructive: to === 'superseded',
    });
    if (ok) transition.mutate({ p, to, supersededById });
  };

  return (
    <div>
      <PageHeader
        title={t('governance.policy.title')}
        description={t('governance.policy.description')}
        actions={
          canManage ? (
            <Button onClick={() => setDialog({ policy: null, supersedes: null })}>
              <Plus />
              {t('governance.policy.add')}
            </Button>
          ) : null
        }
      />
      <div className="mb-3 flex flex-wrap items-end gap-3">
        <Input className="max-w-xs" placeholder={t('governance.search')} aria-label={t('governance.search')} value={q} onChange={(e) => setQ(e.target.value)} />
        <Select label={t('governance.policy.kind')} value={kind} onChange={setKind} options={[{ value: '', label: t('governance.all') }, ...policyKinds.map((k) => ({ value: k, label: t(`governance.policyKind.${k}`) }))]} />
        <Select label={t('governance.policy.status')} value={status} onChange={setStatus} options={[{ value: '', label: t('governance.all') }, ...policyStatuses.map((k) => ({ value: k, label: t(`governance.policyStatus.${k}`) }))]} />
        <div className="flex items-center gap-2 pb-2">
          <Checkbox id="pol-deleted" checked={includeDeleted} onCheckedChange={(v) => setIncludeDeleted(v === true)} />
          <Label htmlFor="pol-deleted">{t('governance.showDeleted')}</Label>
        </div>
        <div className="ml-auto flex gap-2 pb-1">
          {(['pdf', 'docx'] as const).map((f) => (
            <Button key={f} variant="outline" size="sm" asChild>
              <a href={`/api/governance/policies/document?format=${f}${kind ? `&kind=${kind}` : ''}${status ? `&status=${status}` : ''}`} download>
                <FileDown />
                {t(`governance.policy.print.${f}`)}
              </a>
            </Button>
          ))}
          <ExportButtons endpoint="/api/governance/policies" params={{ kind: kind || undefined, status: status || undefined, q: q || undefined }} />
        </div>
      </div>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t('governance.policy.name')}</TableHead>
            <TableHead>{t('governance.policy.kind')}</TableHead>
            <TableHead>{t('governance.policy.scope')}</TableHead>
            <TableHead>{t('governance.policy.version')}</TableHead>
            <TableHead>{t('governance.policy.status')}</TableHead>
            <TableHead>{t('governance.policy.actions')}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {all.map((p) => (
            <TableRow key={p.id} className={p.deletedAt ? 'opacity-60' : undefined} data-testid={`policy-${p.id}`}>
              <TableCell>
                <div className="font-medium">
                  {p.title}{' '}
                  {p.fileId ? (
                    <a className="text-xs font-normal text-primary hover:underline" href={fileHref(p.fileId)} target="_blank" rel="noreferrer">
                      {t('governance.file.open')}
                    </a>
                  ) : null}
                </div>
                <div className="text-xs text-muted-foreground">
                  {[p.legalForm, p.number, p.effectiveDate ? `${t('governance.policy.effectiveDate')} ${tgl(p.effectiveDate)}` : null].filter(Boolean).join(' · ')}
                </div>
              </TableCell>
              <TableCell>{t(`governance.policyKind.${p.kind}`)}</TableCell>
              <TableCell className="text-sm">{p.scopes.map((s) => t(`governance.scope.${s}`)).join(', ') || '—'}</TableCell>
              <TableCell>v{p.version}</TableCell>
              <TableCell>
                <StatusBadge status={p.status} label={t(`governance.policyStatus.${p.status}`)} />
              </TableCell>
              <TableCell className="space-x-1 whitespace-nowrap">
                {!p.deletedAt
                  ? NEXT[p.status]
                      .filter((n) => (n.perm === 'governance.approve' ? canApprove : canManage))
                      .map((n) => (
                        <Button key={n.to} size="sm" variant={n.to === 'draft' ? 'outline' : 'secondary'} onClick={() => ask(p, n.to)}>
                          {t(`governance.policy.action.${n.to}`)}
                        </Button>
                      ))
                  : null}
                {canManage && !p.deletedAt && ['draft', 'review'].includes(p.status) ? (
                  <Button size="icon" variant="ghost" aria-label={t('governance.edit')} onClick={() => setDialog({ policy: p, supersedes: null })}>
                    <Pencil />
                  </Button>
                ) : null}
                {canManage && !p.deletedAt && p.status === 'in_force' ? (
                  <Button size="sm" variant="outline" onClick={() => setDialog({ policy: null, supersedes: p })}>
                    {t('governance.policy.newVersion')}
                  </Button>
                ) : null}
                {canManage && !p.deletedAt && ['draft', 'review'].includes(p.status) ? (
                  <Button
                    size="icon"
                    variant="ghost"
                    aria-label={t('governance.delete')}
                    onClick={async () => {
                      if (await confirm({ title: t('governance.policy.deleteTitle', { name: p.title }), description: t('governance.deleteHint'), confirmLabel: t('governance.delete') })) remove.mutate(p);
                    }}
                  >
                    <Trash2 />
                  </Button>
                ) : null}
                {canManage && p.deletedAt ? (
                  <Button size="icon" variant="ghost" aria-label={t('governance.restore')} onClick={() => restore.mutate(p)}>
                    <ArchiveRestore />
                  </Button>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
          {all.length === 0 ? (
            <TableRow>
              <TableCell colSpan={6} className="text-center text-muted-foreground">
                {t('governance.empty')}
              </TableCell>
            </TableRow>
          ) : null}
        </TableBody>
      </Table>
      <PolicyDialog open={!!dialog} onOpenChange={(o) => !o && setDialog(null)} policy={dialog?.policy ?? null} supersedes={dialog?.supersedes ?? null} />
    </div>
  );
}
