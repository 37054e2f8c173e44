import * as React from 'react';
import { useForm } from 'react-hook-form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ZAttestationInput, type TRegObligation } from '@persada/shared';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { DateField, Form, FormDialogFooter, TextareaField, toast } from '@/components/form';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { applyServerErrors } from '@/lib/form-errors';
import { errorText } from '@/lib/api';
import { zr } from '@/lib/zod-i18n';
import { regulationsApi } from '../api';

const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const plusYear = (d: string) => `${Number(d.slice(0, 4)) + 1}${d.slice(4)}`;

/** A signed-off statement that an obligation is met, with evidence files and a validity window. */
export function AttestDialog({ obligation, onOpenChange }: { obligation: TRegObligation | null; onOpenChange: (o: boolean) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [files, setFiles] = React.useState<File[]>([]);
  const initial = React.useMemo(() => ({ obligationId: obligation?.id ?? '', statement: '', effectiveDate: today(), expiresOn: plusYear(today()), fileIds: [] as string[] }), [obligation]);
  const form = useForm({ resolver: zr(ZAttestationInput), defaultValues: initial as any });
  React.useEffect(() => {
    if (obligation) {
      form.reset(initial as any);
      setFiles([]);
    }
  }, [obligation, initial, form]);
  const save = useMutation({
    mutationFn: async (v: any) => {
      const fileIds: string[] = [];
      for (const f of files) fileIds.push((await regulationsApi.uploadEvidence(f)).id);
      return regulationsApi.attest({ ...v, obligationId: obligation!.id, fileIds });
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['compliance'] });
      toast.success(t('regulations.attested'));
      onOpenChange(false);
    },
    onError: (e) => {
      if (!applyServerErrors(e, form.setError, ['statement', 'effectiveDate', 'expiresOn'])) toast.error(errorText(e));
    },
  });
  return (
    <Dialog open={!!obligation} onOpenChange={(o) => !save.isPending && onOpenChange(o)}>
      <DialogContent className="max-w-xl">
        <DialogHeader>
          <DialogTitle>{t('regulations.attestTitle')}</DialogTitle>
          <DialogDescription>{obligation?.text}</DialogDescription>
        </DialogHeader>
        <Form form={form} onSubmit={(v) => save.mutate(v)}>
          <TextareaField name="statement" label={t('regulations.statement')} required autoFocus />
          <div className="grid gap-4 sm:grid-cols-2">
            <DateField name="effectiveDate" label={t('regulations.effectiveDate')} required />
            <DateField name="expiresOn" label={t('regulations.expiresOn')} required />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="attest-files">{t('regulations.evidenceFiles')}</Label>
            <Input id="attest-files" type="file" multiple onChange={(e) => setFiles(Array.from(e.target.files ?? []))} />
            <p className="text-xs text-muted-foreground">{t('regulations.evidenceFilesHelp')}</p>
          </div>
          <FormDialogFooter pending={save.isPending} onCancel={() => onOpenChange(false)} submitLabel={t('regulations.attestSubmit')} />
        </Form>
      </DialogContent>
    </Dialog>
  );
}
