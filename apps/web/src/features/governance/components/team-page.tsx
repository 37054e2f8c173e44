import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Pencil, Plus, Save, Trash2, X } from 'lucide-react';
import { teamRoles, type TTeam } from '@persada/shared';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { toast } from '@/components/form';
import { usePermission } from '@/lib/auth';
import { govApi, linesOf, textOf } from '../api';
import { Area, Numbered, Select, Text, tgl } from './shared';
import { FileField, fileHref } from '@/components/file-field';

type Role = (typeof teamRoles)[number];
type Draft = { decreeNumber: string; decreeDate: string; decreeFileId: string | null; members: { role: Role; personId: string; duties: string }[] };

export function TeamPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const canManage = usePermission('governance.manage');
  const team = useQuery({ queryKey: ['governance', 'team'], queryFn: () => govApi.team() });
  const [draft, setDraft] = React.useState<Draft | null>(null);
  const people = useQuery({ queryKey: ['governance', 'people'], queryFn: () => govApi.people(), enabled: !!draft });
  const save = useMutation({
    mutationFn: (d: Draft) =>
      govApi.saveTeam({
        decreeNumber: d.decreeNumber || null,
        decreeDate: d.decreeDate || null,
        decreeFileId: d.decreeFileId,
        members: d.members.filter((m) => m.personId).map((m) => ({ role: m.role, personId: m.personId, duties: linesOf(m.duties) })),
      }),
    onSuccess: (data: TTeam) => {
      qc.setQueryData(['governance', 'team'], data);
      toast.success(t('governance.saved'));
      setDraft(null);
    },
  });
  const data = team.data;
  if (!data) return null;
  const start = () =>
    setDraft({
      decreeNumber: data.decreeNumber ?? '',
      decreeDate: data.decreeDate ?? '',
      decreeFileId: data.decreeFileId,
      members: data.members.length
        ? data.members.map((m) => ({ role: m.role, personId: m.personId, duties: textOf(m.duties) }))
        : [
            { role: 'responsible', personId: '', duties: textOf(data.defaultDuties.responsible) },
            { role: 'chair', personId: '', duties: textOf(data.defaultDuties.chair) },
          ],
    });
  const options = [{ value: '', label: '—' }, ...(people.data?.items ?? []).map((p) => ({ value: p.id, label: [p.fullName, p.positionName, p.opdName].filter(Boolean).join(' — ') }))];

  return (
    <div>
      <PageHeader
        title={t('governance.team.title')}
        description={t('governance.team.description')}
        actions={
          canManage && !draft ? (
            <Button onClick={start}>
              <Pencil />
              {t('governance.edit')}
            </Button>
          ) : null
        }
      />
      {draft ? (
        <Card>
          <CardContent className="space-y-4 pt-6">
            <div className="grid gap-3 md:grid-cols-2">
              <Text label={t('governance.team.decreeNumber')} value={draft.decreeNumber} onChange={(v) => setDraft({ ...draft, decreeNumber: v })} />
              <Text label={t('governance.team.decreeDate')} type="date" value={draft.decreeDate} onChange={(v) => setDraft({ ...draft, decreeDate: v })} />
              <FileField label={t('governance.team.decreeFile')} value={draft.decreeFileId} onChange={(v) => setDraft({ ...draft, decreeFileId: v })} />
            </div>
            {draft.members.map((m, i) => (
              <div key={i} className="grid gap-2 rounded-md border p-3 md:grid-cols-3">
                <Select
                  label={t('governance.team.role')}
                  value={m.role}
                  onChange={(v) => setDraft({ ...draft, members: draft.members.map((x, j) => (j === i ? { ...x, role: v as Role, duties: textOf(data.defaultDuties[v as Role]) } : x)) })}
                  options={teamRoles.map((r) => ({ value: r, label: t(`governance.teamRole.${r}`) }))}
                />
                <Select className="md:col-span-2" label={t('governance.team.person')} value={m.personId} onChange={(v) => setDraft({ ...draft, members: draft.members.map((x, j) => (j === i ? { ...x, personId: v } : x)) })} options={options} />
                <Area lines className="md:col-span-3" label={t('governance.team.duties')} value={m.duties} onChange={(v) => setDraft({ ...draft, members: draft.members.map((x, j) => (j === i ? { ...x, duties: v } : x)) })} rows={4} />
                <div className="md:col-span-3">
                  <Button variant="ghost" size="sm" onClick={() => setDraft({ ...draft, members: draft.members.filter((_, j) => j !== i) })}>
                    <Trash2 />
                    {t('governance.team.removeMember')}
                  </Button>
                </div>
              </div>
            ))}
            <div className="flex gap-2">
              <Button variant="outline" onClick={() => setDraft({ ...draft, members: [...draft.members, { role: 'member', personId: '', duties: textOf(data.defaultDuties.member) }] })}>
                <Plus />
                {t('governance.team.addMember')}
              </Button>
              <Button onClick={() => save.mutate(draft)} disabled={save.isPending}>
                <Save />
                {t('governance.save')}
              </Button>
              <Button variant="outline" onClick={() => setDraft(null)}>
                <X />
                {t('governance.cancel')}
              </Button>
            </div>
          </CardContent>
        </Card>
      ) : (
        <Card>
          <CardHeader>
            <CardTitle>
              {t('governance.team.decree')}: {data.decreeNumber ?? '—'} {data.decreeDate ? `(${tgl(data.decreeDate)})` : ''}{' '}
              {data.decreeFileId ? (
                <a className="text-sm font-normal text-primary hover:underline" href={fileHref(data.decreeFileId)} target="_blank" rel="noreferrer">
                  {t('governance.file.open')}
                </a>
              ) : null}
            </CardTitle>
          </CardHeader>
          <CardContent>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t('governance.team.role')}</TableHead>
                  <TableHead>{t('governance.team.person')}</TableHead>
                  <TableHead>{t('governance.team.duties')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.members.map((m) => (
                  <TableRow key={m.id}>
                    <TableCell className="whitespace-nowrap font-medium">{t(`governance.teamRole.${m.role}`)}</TableCell>
                    <TableCell>
                      <div>{m.personName}</div>
                      <div className="text-xs text-muted-foreground">{[m.nip ? `NIP ${m.nip}` : null, m.positionName, m.opdName].filter(Boolean).join(' · ')}</div>
                    </TableCell>
                    <TableCell className="text-sm">
                      <Numbered items={m.duties} />
                    </TableCell>
                  </TableRow>
                ))}
                {data.members.length === 0 ? (
                  <TableRow>
                    <TableCell colSpan={3} className="text-center text-muted-foreground">
                      {t('governance.team.empty')}
                    </TableCell>
                  </TableRow>
                ) : null}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      )}
    </div>
  );
}
