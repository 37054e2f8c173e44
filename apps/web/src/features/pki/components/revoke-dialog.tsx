import * as React from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Loader2 } from 'lucide-react';
import { PKI_REVOCATION_REASONS, type TPkiCertificate } from '@persada/shared';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { NativeSelect } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { toast } from '@/components/form';
import { pkiApi } from '../api';

type Reason = (typeof PKI_REVOCATION_REASONS)[number];

/** Revocation with a reason and an explicit confirmation (K9): it cannot be undone. */
export function RevokeDialog({ cert, onOpenChange }: { cert: TPkiCertificate | null; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [reason, setReason] = React.useState<Reason>('keyCompromise');
  const [understood, setUnderstood] = React.useState(false);
  React.useEffect(() => {
    setReason('keyCompromise');
    setUnderstood(false);
  }, [cert]);
  const revoke = useMutation({
    mutationFn: () => pkiApi.revoke(cert!.id, { reason }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['pki'] });
      toast.success(t('pki.revoked'));
      onOpenChange(false);
    },
  });
  const reasonId = React.useId();
  const checkId = React.useId();
  return (
    <Dialog open={!!cert} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t('pki.revokeTitle', { name: cert?.commonName ?? '' })}</DialogTitle>
          <DialogDescription>{t('pki.revokeDescription')}</DialogDescription>
        </DialogHeader>
        <div className="flex flex-col gap-3">
          <p className="font-mono text-xs break-all text-muted-foreground">
            {t('pki.serial')}: {cert?.serialHex}
          </p>
          <div className="flex flex-col gap-1">
            <Label htmlFor={reasonId}>{t('pki.reason')}</Label>
            <NativeSelect id={reasonId} value={reason} onChange={(e) => setReason(e.target.value as Reason)}>
              {PKI_REVOCATION_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`pki.reasons.${r}`)}
                </option>
              ))}
            </NativeSelect>
          </div>
          <label htmlFor={checkId} className="flex items-start gap-2 text-sm">
            <input id={checkId} type="checkbox" className="mt-1" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />
            {t('pki.revokeUnderstood')}
          </label>
        </div>
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            {t('pki.cancel')}
          </Button>
          <Button variant="destructive" disabled={!understood || revoke.isPending} onClick={() => revoke.mutate()}>
            {revoke.isPending ? <Loader2 className="animate-spin" /> : null}
            {t('pki.revokeConfirm')}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
