import * as React from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { FileDown, Loader2, Upload } from 'lucide-react';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { toast } from '@/components/form';
import { errorText, isApiError } from '@/lib/api';
import { regulationsApi, TEMPLATE_URL } from '../api';

/** Import a Pemda's own regulation (YAML, JSON or the Excel template); errors name the row. */
export function ImportDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (o: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [file, setFile] = React.useState<File | null>(null);
  const [bind, setBind] = React.useState(true);
  const [errors, setErrors] = React.useState<string[]>([]);
  React.useEffect(() => {
    if (open) {
      setFile(null);
      setErrors([]);
    }
  }, [open]);
  const run = useMutation({
    mutationFn: () => regulationsApi.importFile(file!, bind),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['regulations'] });
      toast.success(t('regulations.imported', { code: r.code, version: r.version, articles: r.articleCount }));
      onOpenChange(false);
      void navigate({ to: '/regulasi/$regulationId', params: { regulationId: r.id } });
    },
    onError: (e) => {
      if (isApiError(e) && e.errors.length) setErrors(e.errors.map((x) => (i18n.language === 'en' ? x.message_en : x.message)));
      else setErrors([errorText(e)]);
    },
  });
  return (
    <Dialog open={open} onOpenChange={(o) => !run.isPending && onOpenChange(o)}>
      <DialogContent className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>{t('regulations.importTitle')}</DialogTitle>
          <DialogDescription>{t('regulations.importHelp')}</DialogDescription>
        </DialogHeader>
        <div className="flex flex-col gap-4">
          <a className="inline-flex items-center gap-2 text-sm text-primary hover:underline" href={TEMPLATE_URL} download>
            <FileDown className="size-4" />
            {t('regulations.downloadTemplate')}
          </a>
          <div className="flex flex-col gap-1">
            <Label htmlFor="reg-import-file">{t('regulations.importFile')}</Label>
            <Input id="reg-import-file" type="file" accept=".yaml,.yml,.json,.xlsx" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </div>
          <div className="flex items-center gap-2">
            <Checkbox id="reg-import-bind" checked={bind} onCheckedChange={(v) => setBind(v === true)} />
            <Label htmlFor="reg-import-bind" className="font-normal">
              {t('regulations.importBind')}
            </Label>
          </div>
          {errors.length ? (
            <div role="alert" className="max-h-64 overflow-auto rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm text-destructive">
              <p className="mb-1 font-medium">{t('regulations.importErrors', { count: errors.length })}</p>
              <ul className="list-disc pl-5">
                {errors.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)} disabled={run.isPending}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => run.mutate()} disabled={!file || run.isPending}>
            {run.isPending ? <Loader2 className="animate-spin" /> : <Upload />}
            {t('regulations.import')}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
