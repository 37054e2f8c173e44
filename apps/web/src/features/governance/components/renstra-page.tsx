import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Pencil, Plus, Save, Trash2, X } from 'lucide-react';
import type { TStrategicPlan } from '@persada/shared';
import { PageHeader } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { toast, useConfirm } from '@/components/form';
import { usePermission } from '@/lib/auth';
import { govApi, linesOf, textOf } from '../api';
import { Area, Text, tgl } from './shared';
import { FileField, fileHref } from '@/components/file-field';

type Draft = Omit<TStrategicPlan, 'id' | 'endYear' | 'valid' | 'createdAt' | 'updatedAt'>;
const blank = (year: number): Draft => ({
  title: `Rencana Strategis Pengamanan Informasi ${year}–${year + 4}`,
  startYear: year,
  rpjmdReference: null,
  goals: [],
  programs: [],
  roadmap: [0, 1, 2, 3, 4].map((i) => ({ year: year + i, milestones: '' })),
  bssnConsultationDate: null,
  bssnConsultationNotes: null,
  bssnConsultationFileId: null,
  decreeNumber: null,
  decreeDate: null,
  decreeFileId: null,
});
const toDraft = (p: TStrategicPlan): Draft => {
  const { id: _i, endYear: _e, valid: _v, createdAt: _c, updatedAt: _u, ...d } = p;
  return d;
};

function PlanEditor({ draft, setDraft }: { draft: Draft; setDraft: (d: Draft) => void }) {
  const { t } = useTranslation();
  const d = draft;
  const years = [0, 1, 2, 3, 4].map((i) => d.startYear + i);
  const setProgram = (pi: number, p: Draft['programs'][number]) => setDraft({ ...d, programs: d.programs.map((x, i) => (i === pi ? p : x)) });
  return (
    <div className="space-y-4">
      <div className="grid gap-3 md:grid-cols-3">
        <Text className="md:col-span-2" label={t('governance.plan.name')} value={d.title} onChange={(v) => setDraft({ ...d, title: v })} required />
        <Text label={t('governance.plan.startYear')} type="number" value={d.startYear} onChange={(v) => setDraft({ ...d, startYear: Number(v) || d.startYear })} />
        <Text className="md:col-span-3" label={t('governance.plan.rpjmd')} value={d.rpjmdReference} onChange={(v) => setDraft({ ...d, rpjmdReference: v || null })} />
        <Text label={t('governance.plan.decreeNumber')} value={d.decreeNumber} onChange={(v) => setDraft({ ...d, decreeNumber: v || null })} />
        <Text label={t('governance.plan.decreeDate')} type="date" value={d.decreeDate} onChange={(v) => setDraft({ ...d, decreeDate: v || null })} />
        <Text label={t('governance.plan.bssnDate')} type="date" value={d.bssnConsultationDate} onChange={(v) => setDraft({ ...d, bssnConsultationDate: v || null })} />
        <Area className="md:col-span-3" label={t('governance.plan.bssnNotes')} value={d.bssnConsultationNotes ?? ''} onChange={(v) => setDraft({ ...d, bssnConsultationNotes: v || null })} rows={2} />
        <FileField label={t('governance.plan.bssnFile')} value={d.bssnConsultationFileId} onChange={(v) => setDraft({ ...d, bssnConsultationFileId: v })} />
        <FileField label={t('governance.plan.decreeFile')} value={d.decreeFileId} onChange={(v) => setDraft({ ...d, decreeFileId: v })} />
      </div>
      <div>
        <h3 className="mb-2 font-medium">{t('governance.plan.goals')}</h3>
        {d.goals.map((g, gi) => (
          <div key={gi} className="mb-2 grid gap-2 md:grid-cols-2">
            <Area label={`${t('governance.plan.goal')} ${gi + 1}`} value={g.goal} onChange={(v) => setDraft({ ...d, goals: d.goals.map((x, i) => (i === gi ? { ...x, goal: v } : x)) })} rows={2} />
            <Area lines label={t('governance.plan.targets')} value={textOf(g.targets)} onChange={(v) => setDraft({ ...d, goals: d.goals.map((x, i) => (i === gi ? { ...x, targets: linesOf(v) } : x)) })} rows={2} />
          </div>
        ))}
        <Button variant="outline" size="sm" onClick={() => setDraft({ ...d, goals: [...d.goals, { goal: '', targets: [] }] })}>
          <Plus />
          {t('governance.plan.addGoal')}
        </Button>
      </div>
      <div>
        <h3 className="mb-2 font-medium">{t('governance.plan.programs')}</h3>
        {d.programs.map((p, pi) => (
          <div key={pi} className="mb-3 rounded-md border p-3">
            <div className="flex items-end gap-2">
              <Text className="flex-1" label={`${t('governance.plan.program')} ${pi + 1}`} value={p.name} onChange={(v) => setProgram(pi, { ...p, name: v })} />
              <Button variant="ghost" size="icon" aria-label={t('governance.delete')} onClick={() => setDraft({ ...d, programs: d.programs.filter((_, i) => i !== pi) })}>
                <Trash2 />
              </Button>
            </div>
            <Table className="mt-2">
              <TableHeader>
                <TableRow>
                  <TableHead>{t('governance.plan.activity')}</TableHead>
                  {years.map((y) => (
                    <TableHead key={y}>{y}</TableHead>
                  ))}
                  <TableHead />
                </TableRow>
              </TableHeader>
              <TableBody>
                {p.activities.map((a, ai) => (
                  <TableRow key={ai}>
                    <TableCell>
                      <Input aria-label={`${t('governance.plan.activity')} ${ai + 1}`} value={a.name} onChange={(e) => setProgram(pi, { ...p, activities: p.activities.map((x, i) => (i === ai ? { ...x, name: e.target.value } : x)) })} />
                    </TableCell>
                    {years.map((y, yi) => (
                      <TableCell key={y}>
                        <Input
                          aria-label={`${a.name} ${y}`}
                          className="w-24"
                          value={a.yearlyTargets[yi] ?? ''}
                          onChange={(e) =>
                            setProgram(pi, { ...p, activities: p.activities.map((x, i) => (i === ai ? { ...x, yearlyTargets: x.yearlyTargets.map((tv, j) => (j === yi ? e.target.value : tv)) } : x)) })
                          }
                        />
                      </TableCell>
                    ))}
                    <TableCell>
                      <Button variant="ghost" size="icon" aria-label={t('governance.delete')} onClick={() => setProgram(pi, { ...p, activities: p.activities.filter((_, i) => i !== ai) })}>
                        <Trash2 />
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Button variant="outline" size="sm" className="mt-2" onClick={() => setProgram(pi, { ...p, activities: [...p.activities, { name: '', yearlyTargets: ['', '', '', '', ''] }] })}>
              <Plus />
              {t('governance.plan.addActivity')}
            </Button>
          </div>
        ))}
        <Button variant="outline" size="sm" onClick={() => setDraft({ ...d, programs: [...d.programs, { name: '', activities: [] }] })}>
          <Plus />
          {t('governance.plan.addProgram')}
        </Button>
      </div>
      <div>
        <h3 className="mb-2 font-medium">{t('governance.plan.roadmap')}</h3>
        <div className="grid gap-2 md:grid-cols-5">
          {years.map((y) => (
            <Area
              key={y}
              label={String(y)}
              value={d.roadmap.find((r) => r.year === y)?.milestones ?? ''}
              onChange={(v) => setDraft({ ...d, roadmap: [...d.roadmap.filter((r) => r.year !== y), { year: y, milestones: v }].sort((a, b) => a.year - b.year) })}
              rows={4}
            />
          ))}
        </div>
      </div>
    </div>
  );
}

function PlanView({ plan }: { plan: TStrategicPlan }) {
  const { t } = useTranslation();
  const years = [0, 1, 2, 3, 4].map((i) => plan.startYear + i);
  return (
    <div className="space-y-4 text-sm">
      <dl className="grid gap-3 md:grid-cols-3">
        <div>
          <dt className="font-medium">{t('governance.plan.rpjmd')}</dt>
          <dd>{plan.rpjmdReference ?? '—'}</dd>
        </div>
        <div>
          <dt className="font-medium">{t('governance.plan.decree')}</dt>
          <dd>
            {plan.decreeNumber ?? '—'} {plan.decreeDate ? `(${tgl(plan.decreeDate)})` : ''}{' '}
            {plan.decreeFileId ? (
              <a className="text-primary hover:underline" href={fileHref(plan.decreeFileId)} target="_blank" rel="noreferrer">
                {t('governance.file.open')}
              </a>
            ) : null}
          </dd>
        </div>
        <div>
          <dt className="font-medium">{t('governance.plan.bssn')}</dt>
          <dd>
            {tgl(plan.bssnConsultationDate)} {plan.bssnConsultationNotes ? `— ${plan.bssnConsultationNotes}` : ''}{' '}
            {plan.bssnConsultationFileId ? (
              <a className="text-primary hover:underline" href={fileHref(plan.bssnConsultationFileId)} target="_blank" rel="noreferrer">
                {t('governance.file.open')}
              </a>
            ) : null}
          </dd>
        </div>
      </dl>
      <div>
        <h3 className="mb-1 font-medium">{t('governance.plan.goals')}</h3>
        <ol className="list-decimal space-y-1 pl-5">
          {plan.goals.map((g, i) => (
            <li key={i}>
              {g.goal}
              {g.targets.length ? <span className="text-muted-foreground"> — {t('governance.plan.targets')}: {g.targets.join('; ')}</span> : null}
            </li>
          ))}
        </ol>
      </div>
      <Table aria-label={t('governance.plan.fiveYearTable')}>
        <TableHeader>
          <TableRow>
            <TableHead>{t('governance.plan.program')}</TableHead>
            <TableHead>{t('governance.plan.activity')}</TableHead>
            {years.map((y) => (
              <TableHead key={y} className="text-center">
                {y}
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {plan.programs.flatMap((p, pi) =>
            (p.activities.length ? p.activities : [{ name: '—', yearlyTargets: ['', '', '', '', ''] }]).map((a, ai) => (
              <TableRow key={`${pi}-${ai}`}>
                <TableCell className="font-medium">{ai === 0 ? p.name : ''}</TableCell>
                <TableCell>{a.name}</TableCell>
                {a.yearlyTargets.map((v, i) => (
                  <TableCell key={i} className="text-center">
                    {v || '—'}
                  </TableCell>
                ))}
              </TableRow>
            )),
          )}
          <TableRow>
            <TableCell className="font-medium" colSpan={2}>
              {t('governance.plan.roadmap')}
            </TableCell>
            {years.map((y) => (
              <TableCell key={y} className="align-top text-xs">
                {plan.roadmap.find((r) => r.year === y)?.milestones || '—'}
              </TableCell>
            ))}
          </TableRow>
        </TableBody>
      </Table>
    </div>
  );
}

export function RenstraPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const confirm = useConfirm();
  const canManage = usePermission('governance.manage');
  const plans = useQuery({ queryKey: ['governance', 'plans'], queryFn: () => govApi.plans() });
  const [editing, setEditing] = React.useState<{ id: string | null; draft: Draft } | null>(null);
  const save = useMutation({
    mutationFn: (e: { id: string | null; draft: Draft }) => (e.id ? govApi.updatePlan(e.id, e.draft) : govApi.createPlan(e.draft)),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['governance', 'plans'] });
      toast.success(t('governance.saved'));
      setEditing(null);
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => govApi.deletePlan(id),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['governance', 'plans'] });
      toast.success(t('governance.plan.deleted'));
    },
  });
  return (
    <div>
      <PageHeader
        title={t('governance.plan.title')}
        description={t('governance.plan.description')}
        actions={
          canManage && !editing ? (
            <Button onClick={() => setEditing({ id: null, draft: blank(new Date().getFullYear()) })}>
              <Plus />
              {t('governance.plan.add')}
            </Button>
          ) : null
        }
      />
      {editing ? (
        <Card className="mb-4">
          <CardContent className="pt-6">
            <PlanEditor draft={editing.draft} setDraft={(draft) => setEditing({ ...editing, draft })} />
            <div className="mt-4 flex gap-2">
              <Button onClick={() => save.mutate(editing)} disabled={save.isPending}>
                <Save />
                {t('governance.save')}
              </Button>
              <Button variant="outline" onClick={() => setEditing(null)}>
                <X />
                {t('governance.cancel')}
              </Button>
            </div>
          </CardContent>
        </Card>
      ) : null}
      {(plans.data ?? []).map((p) => (
        <Card key={p.id} className="mb-4">
          <CardHeader className="flex flex-row items-start justify-between gap-2">
            <CardTitle className="flex items-center gap-2">
              {p.title} <Badge variant={p.valid ? 'success' : 'outline'}>{p.valid ? t('governance.valid') : t('governance.notValid')}</Badge>
            </CardTitle>
            {canManage && !editing ? (
              <div className="flex gap-1">
                <Button size="icon" variant="ghost" aria-label={t('governance.edit')} onClick={() => setEditing({ id: p.id, draft: toDraft(p) })}>
                  <Pencil />
                </Button>
                <Button
                  size="icon"
                  variant="ghost"
                  aria-label={t('governance.delete')}
                  onClick={async () => {
                    if (await confirm({ title: t('governance.plan.deleteTitle', { name: p.title }), description: t('governance.deleteHint'), confirmLabel: t('governance.delete') })) remove.mutate(p.id);
                  }}
                >
                  <Trash2 />
                </Button>
              </div>
            ) : null}
          </CardHeader>
          <CardContent>
            <PlanView plan={p} />
          </CardContent>
        </Card>
      ))}
      {plans.data?.length === 0 && !editing ? <p className="text-muted-foreground">{t('governance.empty')}</p> : null}
    </div>
  );
}
