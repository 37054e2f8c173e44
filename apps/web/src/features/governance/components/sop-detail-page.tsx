import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ArrowDown, ArrowUp, ChevronLeft, FileDown, Pencil, Plus, Save, Trash2, X } from 'lucide-react';
import type { TSop } from '@persada/shared';
import { ComplianceLinks } from '@/components/compliance-links';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { toast } from '@/components/form';
import { usePermission } from '@/lib/auth';
import { govApi, linesOf, sopDocumentUrl, textOf } from '../api';
import { Area, Numbered, Select, Text, tgl } from './shared';

type Step = TSop['steps'][number];
type Draft = Omit<TSop, 'id' | 'totalMinutes' | 'deletedAt' | 'createdAt' | 'updatedAt'>;

function toDraft(s: TSop): Draft {
  const { id: _i, totalMinutes: _m, deletedAt: _d, createdAt: _c, updatedAt: _u, ...rest } = s;
  return rest;
}

export function SopDetailPage() {
  const { t } = useTranslation();
  const { sopId } = useParams({ strict: false }) as { sopId: string };
  const qc = useQueryClient();
  const canManage = usePermission('governance.manage');
  const sop = useQuery({ queryKey: ['governance', 'sop', sopId], queryFn: () => govApi.sop(sopId) });
  const [draft, setDraft] = React.useState<Draft | null>(null);
  const people = useQuery({ queryKey: ['governance', 'people'], queryFn: () => govApi.people(), enabled: !!draft });
  const save = useMutation({
    mutationFn: (d: Draft) => govApi.updateSop(sopId, d),
    onSuccess: (s) => {
      qc.setQueryData(['governance', 'sop', sopId], s);
      void qc.invalidateQueries({ queryKey: ['governance', 'sops'] });
      setDraft(null);
      toast.success(t('governance.saved'));
    },
  });
  if (!sop.data) return null;
  const s = sop.data;
  const d = draft;
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((x) => (x ? { ...x, [k]: v } : x));
  const setStep = (i: number, patch: Partial<Step>) => set('steps', d!.steps.map((st, j) => (j === i ? { ...st, ...patch } : st)));
  const move = (i: number, by: number) => {
    const steps = [...d!.steps];
    const [x] = steps.splice(i, 1);
    steps.splice(i + by, 0, x);
    set('steps', steps);
  };

  return (
    <div>
      <Link to="/tata-kelola/sop" className="mb-2 inline-flex items-center text-sm text-muted-foreground hover:underline">
        <ChevronLeft className="size-4" />
        {t('governance.sop.back')}
      </Link>
      <PageHeader
        title={`${s.number} — ${s.title}`}
        description={s.unitName ?? undefined}
        actions={
          <>
            <Button variant="outline" asChild>
              <a href={sopDocumentUrl(s.id, 'pdf')} download>
                <FileDown />
                {t('governance.sop.downloadPdf')}
              </a>
            </Button>
            <Button variant="outline" asChild>
              <a href={sopDocumentUrl(s.id, 'docx')} download>
                <FileDown />
                {t('governance.sop.downloadDocx')}
              </a>
            </Button>
            {canManage && !d ? (
              <Button onClick={() => setDraft(toDraft(s))}>
                <Pencil />
                {t('governance.edit')}
              </Button>
            ) : null}
            {d ? (
              <>
                <Button variant="outline" onClick={() => setDraft(null)}>
                  <X />
                  {t('governance.cancel')}
                </Button>
                <Button onClick={() => save.mutate(d)} disabled={save.isPending}>
                  <Save />
                  {t('governance.save')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <div className="mb-4">
        <ComplianceLinks entity="gov_sop" id={s.id} />
      </div>

      <Card className="mb-4">
        <CardHeader>
          <CardTitle>{t('governance.sop.header')}</CardTitle>
        </CardHeader>
        <CardContent>
          {d ? (
            <div className="grid gap-3 md:grid-cols-3">
              <Text label={t('governance.sop.number')} value={d.number} onChange={(v) => set('number', v)} required />
              <Text label={t('governance.sop.name')} value={d.title} onChange={(v) => set('title', v)} className="md:col-span-2" required />
              <Text label={t('governance.sop.unit')} value={d.unitName} onChange={(v) => set('unitName', v || null)} />
              <Text label={t('governance.sop.madeDate')} type="date" value={d.madeDate} onChange={(v) => set('madeDate', v || null)} />
              <Text label={t('governance.sop.revisedDate')} type="date" value={d.revisedDate} onChange={(v) => set('revisedDate', v || null)} />
              <Text label={t('governance.sop.revision')} type="number" value={d.revision} onChange={(v) => set('revision', Number(v) || 0)} />
              <Text label={t('governance.sop.effectiveDate')} type="date" value={d.effectiveDate} onChange={(v) => set('effectiveDate', v || null)} />
              <Text label={t('governance.sop.approverPosition')} value={d.approverPosition} onChange={(v) => set('approverPosition', v || null)} />
              <Select
                label={t('governance.sop.approverPerson')}
                value={d.approverPersonId ?? ''}
                onChange={(v) => setDraft((x) => (x ? { ...x, approverPersonId: v || null, approverName: v ? null : x.approverName, approverNip: v ? null : x.approverNip } : x))}
                options={[{ value: '', label: '—' }, ...(people.data?.items ?? []).map((p) => ({ value: p.id, label: [p.fullName, p.positionName].filter(Boolean).join(' — ') }))]}
              />
              <Text label={t('governance.sop.approverName')} value={d.approverName} onChange={(v) => set('approverName', v || null)} />
              <Text label={t('governance.sop.approverNip')} value={d.approverNip} onChange={(v) => set('approverNip', v || null)} />
              <Area className="md:col-span-3" label={t('governance.sop.purpose')} value={d.purpose ?? ''} onChange={(v) => set('purpose', v || null)} rows={2} />
              <Area className="md:col-span-3" label={t('governance.sop.scope')} value={d.scope ?? ''} onChange={(v) => set('scope', v || null)} rows={2} />
              <Area lines label={t('governance.sop.legalBasis')} value={textOf(d.legalBasis)} onChange={(v) => set('legalBasis', linesOf(v))} />
              <Area lines label={t('governance.sop.qualifications')} value={textOf(d.qualifications)} onChange={(v) => set('qualifications', linesOf(v))} />
              <Area lines label={t('governance.sop.relatedSops')} value={textOf(d.relatedSops)} onChange={(v) => set('relatedSops', linesOf(v))} />
              <Area lines label={t('governance.sop.equipment')} value={textOf(d.equipment)} onChange={(v) => set('equipment', linesOf(v))} />
              <Area lines label={t('governance.sop.warnings')} value={textOf(d.warnings)} onChange={(v) => set('warnings', linesOf(v))} />
              <Area lines label={t('governance.sop.records')} value={textOf(d.records)} onChange={(v) => set('records', linesOf(v))} />
              <Area lines className="md:col-span-3" label={t('governance.sop.actors')} value={textOf(d.actors)} onChange={(v) => set('actors', linesOf(v))} rows={3} />
            </div>
          ) : (
            <dl className="grid gap-x-6 gap-y-3 text-sm md:grid-cols-2">
              <div>
                <dt className="font-medium">{t('governance.sop.dates')}</dt>
                <dd>
                  {t('governance.sop.madeDate')}: {tgl(s.madeDate)} · {t('governance.sop.revisedDate')}: {tgl(s.revisedDate)} ({t('governance.sop.revision')} {s.revision}) · {t('governance.sop.effectiveDate')}: {tgl(s.effectiveDate)}
                </dd>
              </div>
              <div>
                <dt className="font-medium">{t('governance.sop.approvedBy')}</dt>
                <dd>
                  {s.approverPosition ?? '—'}
                  {s.approverName ? ` — ${s.approverName}` : ''}
                  {s.approverNip ? ` (NIP ${s.approverNip})` : ''}
                </dd>
              </div>
              {s.purpose ? (
                <div className="md:col-span-2">
                  <dt className="font-medium">{t('governance.sop.purpose')}</dt>
                  <dd>{s.purpose}</dd>
                </div>
              ) : null}
              <div>
                <dt className="font-medium">{t('governance.sop.legalBasis')}</dt>
                <dd><Numbered items={s.legalBasis} /></dd>
              </div>
              <div>
                <dt className="font-medium">{t('governance.sop.qualifications')}</dt>
                <dd><Numbered items={s.qualifications} /></dd>
              </div>
              <div>
                <dt className="font-medium">{t('governance.sop.relatedSops')}</dt>
                <dd><Numbered items={s.relatedSops} /></dd>
              </div>
              <div>
                <dt className="font-medium">{t('governance.sop.equipment')}</dt>
                <dd><Numbered items={s.equipment} /></dd>
              </div>
              <div>
                <dt className="font-medium">{t('governance.sop.warnings')}</dt>
                <dd><Numbered items={s.warnings} /></dd>
              </div>
              <div>
                <dt className="font-medium">{t('governance.sop.records')}</dt>
                <dd><Numbered items={s.records} /></dd>
              </div>
            </dl>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t('governance.sop.flow')}</CardTitle>
        </CardHeader>
        <CardContent className="overflow-x-auto">
          <Table aria-label={t('governance.sop.flow')}>
            <TableHeader>
              <TableRow>
                <TableHead className="w-10">{t('governance.sop.no')}</TableHead>
                <TableHead>{t('governance.sop.activity')}</TableHead>
                {(d ?? s).actors.map((a, i) => (
                  <TableHead key={i} className="text-center">
                    {a}
                  </TableHead>
                ))}
                <TableHead>{t('governance.sop.inputs')}</TableHead>
                <TableHead>{t('governance.sop.time')}</TableHead>
                <TableHead>{t('governance.sop.output')}</TableHead>
                <TableHead>{t('governance.sop.notes')}</TableHead>
                {d ? <TableHead /> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {d
                ? d.steps.map((st, i) => (
                    <TableRow key={i}>
                      <TableCell>{i + 1}</TableCell>
                      <TableCell>
                        <textarea aria-label={`${t('governance.sop.activity')} ${i + 1}`} className="w-64 rounded-md border px-2 py-1 text-sm" rows={2} value={st.activity} onChange={(e) => setStep(i, { activity: e.target.value })} />
                      </TableCell>
                      {d.actors.map((_, a) => (
                        <TableCell key={a} className="text-center">
                          <input type="radio" name={`actor-${i}`} aria-label={`${d.actors[a]} ${i + 1}`} checked={st.actor === a} onChange={() => setStep(i, { actor: a })} />
                        </TableCell>
                      ))}
                      <TableCell>
                        <Input value={st.inputs} onChange={(e) => setStep(i, { inputs: e.target.value })} aria-label={`${t('governance.sop.inputs')} ${i + 1}`} />
                      </TableCell>
                      <TableCell>
                        <Input className="w-20" type="number" value={st.minutes ?? ''} onChange={(e) => setStep(i, { minutes: e.target.value === '' ? null : Number(e.target.value) })} aria-label={`${t('governance.sop.time')} ${i + 1}`} />
                      </TableCell>
                      <TableCell>
                        <Input value={st.output} onChange={(e) => setStep(i, { output: e.target.value })} aria-label={`${t('governance.sop.output')} ${i + 1}`} />
                      </TableCell>
                      <TableCell>
                        <Input value={st.notes} onChange={(e) => setStep(i, { notes: e.target.value })} aria-label={`${t('governance.sop.notes')} ${i + 1}`} />
                      </TableCell>
                      <TableCell className="whitespace-nowrap">
                        <Button variant="ghost" size="icon" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('governance.sop.moveUp')}>
                          <ArrowUp />
                        </Button>
                        <Button variant="ghost" size="icon" disabled={i === d.steps.length - 1} onClick={() => move(i, 1)} aria-label={t('governance.sop.moveDown')}>
                          <ArrowDown />
                        </Button>
                        <Button variant="ghost" size="icon" onClick={() => set('steps', d.steps.filter((_, j) => j !== i))} aria-label={t('governance.sop.removeStep')}>
                          <Trash2 />
                        </Button>
                      </TableCell>
                    </TableRow>
                  ))
                : s.steps.map((st, i) => (
                    <TableRow key={i}>
                      <TableCell>{i + 1}</TableCell>
                      <TableCell>{st.activity}</TableCell>
                      {s.actors.map((a, j) => (
                        <TableCell key={j} className="text-center" aria-label={j === st.actor ? a : undefined}>
                          {j === st.actor ? '●' : ''}
                        </TableCell>
                      ))}
                      <TableCell>{st.inputs}</TableCell>
                      <TableCell className="whitespace-nowrap">{st.minutes != null ? t('governance.sop.minutes', { count: st.minutes }) : '—'}</TableCell>
                      <TableCell>{st.output}</TableCell>
                      <TableCell>{st.notes}</TableCell>
                    </TableRow>
                  ))}
            </TableBody>
          </Table>
          {d ? (
            <Button
              variant="outline"
              className="mt-3"
              onClick={() => set('steps', [...d.steps, { activity: '', actor: 0, inputs: '', minutes: null, output: '', notes: '' }])}
            >
              <Plus />
              {t('governance.sop.addStep')}
            </Button>
          ) : (
            <p className="mt-3 text-sm text-muted-foreground">{t('governance.sop.totalTime', { count: s.totalMinutes })}</p>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
