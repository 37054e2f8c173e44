import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ArchiveRestore, ArrowLeft, CheckCircle2, Pencil, Plus, Trash2 } from 'lucide-react';
import type { TTreatment } from '@persada/shared';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { toast, useConfirm } from '@/components/form';
import { PageHeader } from '@/components/layout/page-header';
import { ComplianceLinks } from '@/components/compliance-links';
import { systemRegisters } from '@/components/pickers';
import { ControlsLinkedTo } from '@/components/record-links';
import { risksApi } from '../api';
import { LevelBadge } from './level-badge';
import { ApprovalDialog, MonitoringDialog, TreatmentDialog } from './plan-dialogs';
import { RiskFormDialog } from './risk-form-dialog';
import { ApprovalBadge } from './shared';

function Info({ label, value, className }: { label: string; value: React.ReactNode; className?: string }) {
  return (
    <div className={className}>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-sm font-medium whitespace-pre-line">{value || '—'}</dd>
    </div>
  );
}

/** /risiko/$riskId — the register row with its treatment plan, monitoring and the owner's approval. */
export function RiskDetailPage() {
  const { t, i18n } = useTranslation();
  const { riskId } = useParams({ strict: false }) as { riskId: string };
  const qc = useQueryClient();
  const navigate = useNavigate();
  const confirm = useConfirm();
  const risk = useQuery({ queryKey: ['risks', 'detail', riskId], queryFn: () => risksApi.risk(riskId) });
  const settings = useQuery({ queryKey: ['risk-settings'], queryFn: risksApi.settings, staleTime: 60_000 });
  const [editOpen, setEditOpen] = React.useState(false);
  const [plan, setPlan] = React.useState<{ open: boolean; row: TTreatment | null }>({ open: false, row: null });
  const [monOpen, setMonOpen] = React.useState(false);
  const [approvalOpen, setApprovalOpen] = React.useState(false);
  const invalidate = () => void qc.invalidateQueries({ queryKey: ['risks'] });

  const remove = useMutation({
    mutationFn: () => risksApi.deleteRisk(riskId),
    onSuccess: () => {
      invalidate();
      toast.success(t('risks.deleted'));
      void navigate({ to: '/risiko' });
    },
  });
  const restore = useMutation({ mutationFn: () => risksApi.restoreRisk(riskId), onSuccess: () => (invalidate(), toast.success(t('risks.restored'))) });
  const removePlan = useMutation({ mutationFn: (id: string) => risksApi.deleteTreatment(id), onSuccess: () => (invalidate(), toast.success(t('risks.plan.deleted'))) });
  const removeMon = useMutation({ mutationFn: (id: string) => risksApi.deleteMonitoring(id), onSuccess: () => (invalidate(), toast.success(t('risks.monitoring.deleted'))) });

  const r = risk.data;
  const s = settings.data;
  const date = (d: string | null) => (d ? new Date(`${d}T00:00:00`).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'id-ID', { day: 'numeric', month: 'short', year: 'numeric' }) : '—');

  return (
    <div>
      <Button variant="ghost" size="sm" asChild className="mb-2 -ml-2">
        <Link to="/risiko">
          <ArrowLeft />
          {t('risks.backToList')}
        </Link>
      </Button>
      {!r ? (
        <Skeleton className="h-64 w-full" />
      ) : (
        <>
          <PageHeader
            title={`${r.code} · ${r.event}`}
            description={`${r.opdName} — ${t('risks.period')} ${r.year}`}
            actions={
              <>
                {r.canApprove && !r.deletedAt ? (
                  <Button onClick={() => setApprovalOpen(true)}>
                    <CheckCircle2 />
                    {t('risks.approval.action')}
                  </Button>
                ) : null}
                {r.canManage && !r.deletedAt ? (
                  <>
                    <Button variant="outline" onClick={() => setEditOpen(true)}>
                      <Pencil />
                      {t('risks.edit')}
                    </Button>
                    <Button
                      variant="outline"
                      onClick={async () => {
                        if (await confirm({ title: t('risks.deleteTitle', { code: r.code }), description: t('risks.deleteDescription'), confirmLabel: t('confirm.yesDelete') }))
                          remove.mutate();
                      }}
                    >
                      <Trash2 className="text-destructive" />
                      {t('risks.delete')}
                    </Button>
                  </>
                ) : null}
                {r.canManage && r.deletedAt ? (
                  <Button variant="outline" onClick={() => restore.mutate()}>
                    <ArchiveRestore />
                    {t('common.restore')}
                  </Button>
                ) : null}
              </>
            }
          />
          {r.deletedAt ? <Badge variant="destructive" className="mb-3">{t('common.deleted')}</Badge> : null}
          <div className="grid gap-4 lg:grid-cols-3">
            <Card className="lg:col-span-2">
              <CardHeader>
                <CardTitle>{t('risks.identification')}</CardTitle>
              </CardHeader>
              <CardContent>
                <dl className="grid gap-3 sm:grid-cols-2">
                  <Info label={t('risks.asset')} value={r.assetName} />
                  <Info
                    label={t('risks.assetLinked')}
                    value={
                      r.applicationId && r.assetEntity === 'sys_application' ? (
                        <Link to="/sistem/aplikasi/$appId" params={{ appId: r.applicationId }} className="text-primary hover:underline" data-testid="risk-asset-link">
                          {r.applicationName}
                        </Link>
                      ) : r.applicationId && r.assetEntity ? (
                        <a href={systemRegisters[r.assetEntity].href(r.applicationId)} className="text-primary hover:underline" data-testid="risk-asset-link">
                          {r.applicationName} ({t(`pickers.system.kinds.${r.assetEntity}`)})
                        </a>
                      ) : (
                        r.applicationName
                      )
                    }
                  />
                  <Info label={t('risks.kind')} value={t(`risks.kinds.${r.kind}`)} />
                  <Info label={t('risks.threat')} value={r.threat} />
                  <Info label={t('risks.vulnerability')} value={r.vulnerability} />
                  <Info label={t('risks.cause')} value={r.cause} />
                  <Info label={t('risks.impactDescription')} value={r.impact} />
                  <Info label={t('risks.category')} value={r.categoryName} />
                  <Info label={t('risks.area')} value={r.areaName} />
                  <Info label={t('risks.objective')} value={r.objective} className="sm:col-span-2" />
                  <Info label={t('risks.existingControls')} value={r.existingControls} className="sm:col-span-2" />
                </dl>
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>{t('risks.analysis')}</CardTitle>
                <CardDescription>{t('risks.appetiteInfo', { appetite: r.appetite })}</CardDescription>
              </CardHeader>
              <CardContent>
                <dl className="grid gap-3">
                  <Info label={t('risks.inherent')} value={<LevelBadge rating={r.inherent} />} />
                  <Info label={t('risks.current')} value={<span data-testid="current-rating"><LevelBadge rating={r.current} /></span>} />
                  <Info label={t('risks.residual')} value={<LevelBadge rating={r.residual} />} />
                  <Info label={t('risks.priority')} value={String(r.priority)} />
                  <Info
                    label={t('risks.needsTreatment')}
                    value={
                      <>
                        {r.needsTreatment ? t('common.yes') : t('common.no')}
                        {r.needsTreatmentOverride != null ? ` (${t('risks.overridden')}: ${r.overrideReason})` : ''}
                      </>
                    }
                  />
                  <Info
                    label={t('risks.approval.title')}
                    value={
                      <span className="flex flex-col gap-1" data-testid="approval-status">
                        <ApprovalBadge status={r.approvalStatus} />
                        {r.approvedByName ? <span className="text-xs text-muted-foreground">{r.approvedByName}{r.approvedAt ? `, ${new Date(r.approvedAt).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'id-ID')}` : ''}</span> : null}
                        {r.approvalReason ? <span className="text-xs">{r.approvalReason}</span> : null}
                      </span>
                    }
                  />
                </dl>
              </CardContent>
            </Card>
          </div>

          <div className="mt-4 grid gap-4 lg:grid-cols-2">
            <ControlsLinkedTo entity="risk" id={r.id} />
            <ComplianceLinks entity="risk" id={r.id} />
          </div>

          <Card className="mt-4">
            <CardHeader className="flex flex-row items-center justify-between gap-2">
              <div>
                <CardTitle>{t('risks.plan.title')}</CardTitle>
                <CardDescription>{t('risks.plan.description')}</CardDescription>
              </div>
              {r.canManage && !r.deletedAt && s ? (
                <Button size="sm" onClick={() => setPlan({ open: true, row: null })}>
                  <Plus />
                  {t('risks.plan.add')}
                </Button>
              ) : null}
            </CardHeader>
            <CardContent>
              <Table aria-label={t('risks.plan.title')}>
                <TableHeader>
                  <TableRow>
                    <TableHead>{t('risks.plan.option')}</TableHead>
                    <TableHead>{t('risks.plan.action')}</TableHead>
                    <TableHead>{t('risks.plan.output')}</TableHead>
                    <TableHead>{t('risks.plan.schedule')}</TableHead>
                    <TableHead>{t('risks.plan.owner')}</TableHead>
                    <TableHead>{t('risks.plan.target')}</TableHead>
                    <TableHead>{t('common.status')}</TableHead>
                    <TableHead className="sr-only">{t('common.actions')}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {r.treatments.length === 0 ? (
                    <TableRow>
                      <TableCell colSpan={8} className="text-center text-muted-foreground">
                        {r.needsTreatment ? t('risks.plan.emptyNeeded') : t('risks.plan.empty')}
                      </TableCell>
                    </TableRow>
                  ) : (
                    r.treatments.map((p) => (
                      <TableRow key={p.id}>
                        <TableCell>{t(`risks.options.${p.option}`)}</TableCell>
                        <TableCell className="whitespace-pre-line">{p.action}</TableCell>
                        <TableCell>{p.output ?? '—'}</TableCell>
                        <TableCell>
                          {date(p.startDate)} – {date(p.endDate)}
                          {p.overdue ? <Badge variant="destructive" className="ml-1">{t('risks.plan.overdue')}</Badge> : null}
                        </TableCell>
                        <TableCell>{p.ownerName ?? '—'}</TableCell>
                        <TableCell>
                          <LevelBadge rating={p.target} />
                        </TableCell>
                        <TableCell>{t(`risks.planStatus.${p.status}`)}</TableCell>
                        <TableCell className="text-right">
                          {r.canManage && !r.deletedAt ? (
                            <div className="flex justify-end gap-1">
                              <Button size="icon" variant="ghost" aria-label={t('risks.plan.edit')} onClick={() => setPlan({ open: true, row: p })}>
                                <Pencil />
                              </Button>
                              <Button
                                size="icon"
                                variant="ghost"
                                aria-label={t('risks.plan.delete')}
                                onClick={async () => {
                                  if (await confirm({ title: t('risks.plan.deleteTitle'), description: t('risks.plan.deleteDescription'), confirmLabel: t('confirm.yesDelete') }))
                                    removePlan.mutate(p.id);
                                }}
                              >
                                <Trash2 className="text-destructive" />
                              </Button>
                            </div>
                          ) : null}
                        </TableCell>
                      </TableRow>
                    ))
                  )}
                </TableBody>
              </Table>
            </CardContent>
          </Card>

          <Card className="mt-4">
            <CardHeader className="flex flex-row items-center justify-between gap-2">
              <div>
                <CardTitle>{t('risks.monitoring.title')}</CardTitle>
                <CardDescription>{t('risks.monitoring.description')}</CardDescription>
              </div>
              {r.canManage && !r.deletedAt && s ? (
                <Button size="sm" variant="outline" onClick={() => setMonOpen(true)}>
                  <Plus />
                  {t('risks.monitoring.add')}
                </Button>
              ) : null}
            </CardHeader>
            <CardContent>
              <Table aria-label={t('risks.monitoring.title')}>
                <TableHeader>
                  <TableRow>
                    <TableHead>{t('risks.monitoring.date')}</TableHead>
                    <TableHead>{t('risks.monitoring.realisation')}</TableHead>
                    <TableHead>{t('risks.current')}</TableHead>
                    <TableHead>{t('risks.monitoring.notes')}</TableHead>
                    <TableHead className="sr-only">{t('common.actions')}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {r.monitorings.length === 0 ? (
                    <TableRow>
                      <TableCell colSpan={5} className="text-center text-muted-foreground">
                        {t('risks.monitoring.empty')}
                      </TableCell>
                    </TableRow>
                  ) : (
                    r.monitorings.map((m) => (
                      <TableRow key={m.id}>
                        <TableCell>{date(m.date)}</TableCell>
                        <TableCell className="whitespace-pre-line">{m.realisation}</TableCell>
                        <TableCell>
                          <LevelBadge rating={m.current} />
                        </TableCell>
                        <TableCell>{m.notes ?? '—'}</TableCell>
                        <TableCell className="text-right">
                          {r.canManage && !r.deletedAt ? (
                            <Button
                              size="icon"
                              variant="ghost"
                              aria-label={t('risks.monitoring.delete')}
                              onClick={async () => {
                                if (await confirm({ title: t('risks.monitoring.deleteTitle'), description: t('risks.monitoring.deleteDescription'), confirmLabel: t('confirm.yesDelete') }))
                                  removeMon.mutate(m.id);
                              }}
                            >
                              <Trash2 className="text-destructive" />
                            </Button>
                          ) : null}
                        </TableCell>
                      </TableRow>
                    ))
                  )}
                </TableBody>
              </Table>
            </CardContent>
          </Card>

          <RiskFormDialog open={editOpen} onOpenChange={setEditOpen} risk={r} />
          {s ? <TreatmentDialog open={plan.open} onOpenChange={(o) => setPlan((p) => ({ ...p, open: o }))} risk={r} settings={s} treatment={plan.row} /> : null}
          {s ? <MonitoringDialog open={monOpen} onOpenChange={setMonOpen} risk={r} settings={s} /> : null}
          <ApprovalDialog open={approvalOpen} onOpenChange={setApprovalOpen} risk={r} />
        </>
      )}
    </div>
  );
}
