import * as React from 'react';
import { useForm } from 'react-hook-form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Loader2, RotateCcw } from 'lucide-react';
import { tenantLevels, ZTenantProfileInput, type TTenant } from '@persada/shared';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { Form, SelectField, TextField, TextareaField, toast } from '@/components/form';
import { PageHeader } from '@/components/layout/page-header';
import { usePermission } from '@/lib/auth';
import { applyServerErrors } from '@/lib/form-errors';
import { zr } from '@/lib/zod-i18n';
import { orgApi } from '../api';

const textKeys = ['provinceName', 'headTitle', 'headName', 'deputyName', 'sekdaName', 'dinasName', 'address', 'phone'] as const;

function toForm(t: TTenant) {
  const v: Record<string, unknown> = { name: t.name, level: t.level, domain: t.domain, email: t.email ?? null, parentTenantId: t.parentTenantId ?? null };
  for (const k of textKeys) v[k] = t[k] ?? '';
  return v as any;
}

export function TenantProfilePage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const canEdit = usePermission('tenant.manage');
  const tenant = useQuery({ queryKey: ['tenant'], queryFn: orgApi.tenant });
  const form = useForm({ resolver: zr(ZTenantProfileInput) });

  React.useEffect(() => {
    if (tenant.data) form.reset(toForm(tenant.data));
  }, [tenant.data, form]);

  const save = useMutation({
    mutationFn: orgApi.saveTenant,
    onSuccess: (data) => {
      qc.setQueryData(['tenant'], data);
      void qc.invalidateQueries({ queryKey: ['me'] });
      form.reset(toForm(data));
      toast.success(t('common.saved'));
    },
    onError: (e) => applyServerErrors(e, form.setError),
  });

  return (
    <div>
      <PageHeader title={t('tenant.title')} description={t('tenant.description')} />
      <Card>
        <CardHeader>
          <CardTitle>{t('tenant.identity')}</CardTitle>
          {!canEdit ? <CardDescription>{t('common.readOnly')}</CardDescription> : null}
        </CardHeader>
        <CardContent>
          {tenant.isLoading ? (
            <div className="grid gap-4 md:grid-cols-2">
              {Array.from({ length: 8 }).map((_, i) => (
                <Skeleton key={i} className="h-14" />
              ))}
            </div>
          ) : (
            <Form form={form} onSubmit={(v) => save.mutate(v)}>
              <fieldset disabled={!canEdit || save.isPending} className="grid gap-4 md:grid-cols-2">
                <TextField name="name" label={t('tenant.name')} required />
                <SelectField
                  name="level"
                  label={t('tenant.level')}
                  required
                  options={tenantLevels.map((l) => ({ value: l, label: t(`enums.tenantLevel.${l}`) }))}
                />
                <TextField name="provinceName" label={t('tenant.provinceName')} />
                <TextField name="domain" label={t('tenant.domain')} description={t('tenant.domainHelp')} required />
                <TextField name="headTitle" label={t('tenant.headTitle')} placeholder={t('tenant.headTitlePlaceholder')} />
                <TextField name="headName" label={t('tenant.headName')} />
                <TextField name="deputyName" label={t('tenant.deputyName')} />
                <TextField name="sekdaName" label={t('tenant.sekdaName')} />
                <TextField name="dinasName" label={t('tenant.dinasName')} className="md:col-span-2" />
                <TextareaField name="address" label={t('common.address')} className="md:col-span-2" rows={2} />
                <TextField name="phone" label={t('common.phone')} type="tel" />
                <TextField name="email" label={t('common.email')} type="email" emptyAsNull />
              </fieldset>
              {canEdit ? (
                <div className="flex flex-wrap justify-end gap-2">
                  <Button
                    variant="outline"
                    disabled={!form.formState.isDirty || save.isPending}
                    onClick={() => tenant.data && form.reset(toForm(tenant.data))}
                  >
                    <RotateCcw />
                    {t('common.discardChanges')}
                  </Button>
                  <Button type="submit" disabled={save.isPending}>
                    {save.isPending ? <Loader2 className="animate-spin" /> : null}
                    {t('common.save')}
                  </Button>
                </div>
              ) : null}
            </Form>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
