import { Loader2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { DialogFooter } from '@/components/ui/dialog';

/**
 * "Batal" / "Simpan" for a form inside a dialog; both are disabled while saving. Inside a <form> the save
 * button submits it; a dialog without a form passes `onSubmit`.
 */
export function FormDialogFooter({ pending, onCancel, onSubmit, submitLabel }: { pending: boolean; onCancel: () => void; onSubmit?: () => void; submitLabel?: string }) {
  const { t } = useTranslation();
  return (
    <DialogFooter>
      <Button variant="outline" onClick={onCancel} disabled={pending}>
        {t('common.cancel')}
      </Button>
      <Button type={onSubmit ? 'button' : 'submit'} onClick={onSubmit} disabled={pending}>
        {pending ? <Loader2 className="animate-spin" /> : null}
        {submitLabel ?? t('common.save')}
      </Button>
    </DialogFooter>
  );
}
