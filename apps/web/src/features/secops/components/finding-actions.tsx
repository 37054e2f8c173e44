import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CheckCheck, Pencil, RotateCcw, ShieldCheck, ShieldOff, Trash2 } from 'lucide-react';
import type { TSecopsFinding } from '@persada/shared';
import { Button } from '@/components/ui/button';
import { toast, useConfirm } from '@/components/form';
import { secopsApi } from '../api';

/** Status buttons of one finding (terbuka → diperbaiki → diverifikasi, diterima, reopen), edit and delete. */
export function FindingActions({ finding, onEdit, onAccept }: { finding: TSecopsFinding; onEdit?: () => void; onAccept: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const confirm = useConfirm();
  const setStatus = useMutation({
    mutationFn: (status: 'diperbaiki' | 'diverifikasi' | 'terbuka') => secopsApi.setFindingStatus(finding.id, { status }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['secops'] });
      toast.success(t('secops.finding.statusChanged'));
    },
  });
  const remove = useMutation({
    mutationFn: () => secopsApi.deleteFinding(finding.id),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['secops'] });
      toast.success(t('secops.deleted'));
    },
  });
  const ask = async (status: 'diperbaiki' | 'diverifikasi' | 'terbuka', key: 'fixed' | 'verify' | 'reopen', label: string) => {
    if (await confirm({ title: t(`secops.finding.${key}Confirm`, { name: finding.title }), description: t(`secops.finding.${key}Hint`), confirmLabel: label })) setStatus.mutate(status);
  };
  const s = finding.status;
  return (
    <div className="flex flex-wrap items-center gap-1">
      {s === 'terbuka' ? (
        <>
          <Button size="sm" variant="outline" onClick={() => void ask('diperbaiki', 'fixed', t('secops.finding.markFixed'))}>
            <CheckCheck />
            {t('secops.finding.markFixed')}
          </Button>
          <Button size="sm" variant="ghost" onClick={onAccept}>
            <ShieldOff />
            {t('secops.finding.accept')}
          </Button>
        </>
      ) : null}
      {s === 'diperbaiki' ? (
        <Button size="sm" variant="outline" onClick={() => void ask('diverifikasi', 'verify', t('secops.finding.verify'))}>
          <ShieldCheck />
          {t('secops.finding.verify')}
        </Button>
      ) : null}
      {s === 'diperbaiki' || s === 'diterima' ? (
        <Button size="sm" variant="ghost" onClick={() => void ask('terbuka', 'reopen', t('secops.finding.reopen'))}>
          <RotateCcw />
          {t('secops.finding.reopen')}
        </Button>
      ) : null}
      {onEdit ? (
        <Button size="icon" variant="ghost" aria-label={t('secops.edit')} onClick={onEdit}>
          <Pencil />
        </Button>
      ) : null}
      <Button
        size="icon"
        variant="ghost"
        aria-label={t('secops.delete')}
        onClick={async () => {
          if (await confirm({ title: t('secops.finding.deleteTitle', { name: finding.title }), description: t('secops.finding.deleteHint'), confirmLabel: t('secops.delete') })) remove.mutate();
        }}
      >
        <Trash2 />
      </Button>
    </div>
  );
}
