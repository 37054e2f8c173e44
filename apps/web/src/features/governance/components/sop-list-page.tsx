import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ArchiveRestore, Plus, Trash2 } from 'lucide-react';
import type { TSop } from '@persada/shared';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Checkbox } from '@/components/ui/checkbox';
import { Label } from '@/components/ui/label';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { toast, useConfirm } from '@/components/form';
import { usePermission } from '@/lib/auth';
import { govApi } from '../api';
import { tgl } from './shared';

export function SopListPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const confirm = useConfirm();
  const navigate = useNavigate();
  const canManage = usePermission('governance.manage');
  const [q, setQ] = React.useState('');
  const [includeDeleted, setIncludeDeleted] = React.useState(false);
  const list = useQuery({ queryKey: ['governance', 'sops', q, includeDeleted], queryFn: () => govApi.sops({ q: q || undefined, includeDeleted: includeDeleted || undefined }) });
  const done = (msg: string) => () => {
    void qc.invalidateQueries({ queryKey: ['governance', 'sops'] });
    toast.success(msg);
  };
  const remove = useMutation({ mutationFn: (s: TSop) => govApi.deleteSop(s.id), onSuccess: done(t('governance.sop.deleted')) });
  const restore = useMutation({ mutationFn: (s: TSop) => govApi.restoreSop(s.id), onSuccess: done(t('governance.sop.restored')) });
  const create = useMutation({
    mutationFn: () => govApi.createSop({ number: `SOP-${Date.now().toString().slice(-5)}`, title: t('governance.sop.newTitle'), actors: [t('governance.sop.defaultActor')], steps: [] }),
    onSuccess: (s) => {
      void qc.invalidateQueries({ queryKey: ['governance', 'sops'] });
      void navigate({ to: '/tata-kelola/sop/$sopId', params: { sopId: s.id } });
    },
  });

  return (
    <div>
      <PageHeader
        title={t('governance.sop.title')}
        description={t('governance.sop.description')}
        actions={
          canManage ? (
            <Button onClick={() => create.mutate()} disabled={create.isPending}>
              <Plus />
              {t('governance.sop.add')}
            </Button>
          ) : null
        }
      />
      <div className="mb-3 flex flex-wrap items-center gap-4">
        <Input className="max-w-xs" placeholder={t('governance.search')} value={q} onChange={(e) => setQ(e.target.value)} aria-label={t('governance.search')} />
        <div className="flex items-center gap-2">
          <Checkbox id="sop-deleted" checked={includeDeleted} onCheckedChange={(v) => setIncludeDeleted(v === true)} />
          <Label htmlFor="sop-deleted">{t('governance.showDeleted')}</Label>
        </div>
      </div>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t('governance.sop.number')}</TableHead>
            <TableHead>{t('governance.sop.name')}</TableHead>
            <TableHead>{t('governance.sop.unit')}</TableHead>
            <TableHead>{t('governance.sop.effectiveDate')}</TableHead>
            <TableHead>{t('governance.sop.steps')}</TableHead>
            <TableHead />
          </TableRow>
        </TableHeader>
        <TableBody>
          {(list.data ?? []).map((s) => (
            <TableRow key={s.id} className={s.deletedAt ? 'opacity-60' : undefined}>
              <TableCell className="whitespace-nowrap">{s.number}</TableCell>
              <TableCell>
                <Link to="/tata-kelola/sop/$sopId" params={{ sopId: s.id }} className="font-medium text-primary hover:underline">
                  {s.title}
                </Link>
              </TableCell>
              <TableCell>{s.unitName ?? '—'}</TableCell>
              <TableCell>{tgl(s.effectiveDate)}</TableCell>
              <TableCell>{t('governance.sop.stepCount', { count: s.steps.length })}</TableCell>
              <TableCell className="text-right">
                {canManage && !s.deletedAt ? (
                  <Button
                    variant="ghost"
                    size="icon"
                    aria-label={t('governance.delete')}
                    onClick={async () => {
                      if (await confirm({ title: t('governance.sop.deleteTitle', { name: s.title }), description: t('governance.deleteHint'), confirmLabel: t('governance.delete') })) remove.mutate(s);
                    }}
                  >
                    <Trash2 />
                  </Button>
                ) : null}
                {canManage && s.deletedAt ? (
                  <Button variant="ghost" size="icon" aria-label={t('governance.restore')} onClick={() => restore.mutate(s)}>
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
    </div>
  );
}
