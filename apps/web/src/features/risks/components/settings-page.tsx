import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Plus, RotateCcw, Save, Trash2 } from 'lucide-react';
import type { TRiskSettings } from '@persada/shared';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Input, NativeSelect, Textarea } from '@/components/ui/input';
import { Skeleton } from '@/components/ui/skeleton';
import { toast, useConfirm } from '@/components/form';
import { isApiError } from '@/lib/api';
import { risksApi } from '../api';
import { textOn } from './level-badge';
import { RisksTabs } from './shared';

const clone = <T,>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const int = (v: string) => Math.max(1, Math.min(25, Number.parseInt(v, 10) || 1));

/** /risiko/pengaturan — the tenant's matrix, level bands, categories, areas and criteria (risks.configure). */
export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const confirm = useConfirm();
  const settings = useQuery({ queryKey: ['risk-settings'], queryFn: risksApi.settings });
  const [draft, setDraft] = React.useState<TRiskSettings | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  React.useEffect(() => {
    if (settings.data) setDraft(clone(settings.data));
  }, [settings.data]);
  const onSaved = (s: TRiskSettings) => {
    qc.setQueryData(['risk-settings'], s);
    void qc.invalidateQueries({ queryKey: ['risks'] });
    setError(null);
    toast.success(t('risks.settings.saved'));
  };
  const onFail = (e: unknown) => setError(isApiError(e) ? (e.errors[0] ? (i18n.language === 'en' ? e.errors[0].message_en : e.errors[0].message) : e.localizedTitle()) : null);
  const save = useMutation({ mutationFn: (s: TRiskSettings) => risksApi.saveSettings(s), onSuccess: onSaved, onError: onFail });
  const reset = useMutation({ mutationFn: () => risksApi.resetSettings(), onSuccess: onSaved, onError: onFail });

  if (!draft) return <Skeleton className="h-96 w-full" />;
  const up = (fn: (d: TRiskSettings) => void) =>
    setDraft((d) => {
      const n = clone(d!);
      fn(n);
      return n;
    });

  return (
    <div>
      <PageHeader
        title={t('risks.settings.title')}
        description={t('risks.settings.description')}
        actions={
          <>
            <Button
              variant="outline"
              onClick={async () => {
                if (await confirm({ title: t('risks.settings.resetTitle'), description: t('risks.settings.resetDescription') })) reset.mutate();
              }}
            >
              <RotateCcw />
              {t('risks.settings.reset')}
            </Button>
            <Button onClick={() => save.mutate(draft)} disabled={save.isPending}>
              <Save />
              {t('common.save')}
            </Button>
          </>
        }
      />
      <RisksTabs />
      {error ? (
        <div role="alert" className="mb-4 rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive">
          {error}
        </div>
      ) : null}
      <div className="grid gap-4 xl:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t('risks.settings.matrix')}</CardTitle>
            <CardDescription>{t('risks.settings.matrixHelp')}</CardDescription>
          </CardHeader>
          <CardContent className="overflow-x-auto">
            <table className="border-separate border-spacing-1" aria-label={t('risks.settings.matrix')}>
              <thead>
                <tr>
                  <th className="text-left text-xs text-muted-foreground">{t('risks.likelihood')} ↓ / {t('risks.impact')} →</th>
                  {[1, 2, 3, 4, 5].map((i) => (
                    <th key={i} className="text-xs">{i}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[5, 4, 3, 2, 1].map((l) => (
                  <tr key={l}>
                    <th scope="row" className="pr-2 text-left text-xs">{l} {draft.likelihood.find((x) => x.level === l)?.name}</th>
                    {[1, 2, 3, 4, 5].map((i) => {
                      const v = draft.matrix[l - 1][i - 1];
                      const band = draft.levels.find((b) => v >= b.min && v <= b.max);
                      return (
                        <td key={i}>
                          <Input
                            aria-label={t('risks.settings.cell', { l, i })}
                            className="h-9 w-14 text-center font-semibold"
                            style={band ? { backgroundColor: band.color, color: textOn(band.color) } : undefined}
                            value={v}
                            inputMode="numeric"
                            onChange={(e) => up((d) => (d.matrix[l - 1][i - 1] = int(e.target.value)))}
                          />
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t('risks.settings.levels')}</CardTitle>
            <CardDescription>{t('risks.settings.levelsHelp')}</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-2">
            {draft.levels.map((b, k) => (
              <div key={k} className="grid grid-cols-[1fr_1fr_4rem_4rem_3rem] items-center gap-2">
                <Input aria-label={t('risks.settings.levelName')} value={b.name} onChange={(e) => up((d) => (d.levels[k].name = e.target.value))} />
                <Input aria-label={t('risks.settings.levelNameEn')} value={b.nameEn} onChange={(e) => up((d) => (d.levels[k].nameEn = e.target.value))} />
                <Input aria-label={t('risks.settings.min')} value={b.min} inputMode="numeric" onChange={(e) => up((d) => (d.levels[k].min = int(e.target.value)))} />
                <Input aria-label={t('risks.settings.max')} value={b.max} inputMode="numeric" onChange={(e) => up((d) => (d.levels[k].max = int(e.target.value)))} />
                <input type="color" aria-label={t('risks.settings.color')} value={b.color} className="h-9 w-12 rounded border" onChange={(e) => up((d) => (d.levels[k].color = e.target.value))} />
              </div>
            ))}
            <label className="mt-2 flex items-center gap-2 text-sm">
              {t('risks.settings.defaultAppetite')}
              <Input className="w-20" value={draft.defaultAppetite} inputMode="numeric" onChange={(e) => up((d) => (d.defaultAppetite = int(e.target.value)))} />
            </label>
          </CardContent>
        </Card>
        {(['likelihood', 'impact'] as const).map((scale) => (
          <Card key={scale}>
            <CardHeader>
              <CardTitle>{t(`risks.settings.${scale}Scale`)}</CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-2">
              {draft[scale].map((lv, k) => (
                <div key={lv.level} className="grid grid-cols-[2rem_1fr_2fr] items-center gap-2">
                  <span className="text-sm font-semibold">{lv.level}</span>
                  <Input aria-label={t('risks.settings.levelName')} value={lv.name} onChange={(e) => up((d) => (d[scale][k].name = e.target.value))} />
                  <Input aria-label={t('risks.settings.criteria')} value={lv.criteria} onChange={(e) => up((d) => (d[scale][k].criteria = e.target.value))} />
                </div>
              ))}
            </CardContent>
          </Card>
        ))}
        <Card>
          <CardHeader className="flex flex-row items-center justify-between">
            <CardTitle>{t('risks.settings.categories')}</CardTitle>
            <Button size="sm" variant="outline" onClick={() => up((d) => d.categories.push({ code: `kategori_${d.categories.length + 1}`, name: '', kind: 'both' }))}>
              <Plus />
              {t('risks.settings.add')}
            </Button>
          </CardHeader>
          <CardContent className="flex flex-col gap-2">
            {draft.categories.map((c, k) => (
              <div key={k} className="grid grid-cols-[8rem_1fr_7rem_2.5rem] items-center gap-2">
                <Input aria-label={t('risks.settings.code')} value={c.code} onChange={(e) => up((d) => (d.categories[k].code = e.target.value))} />
                <Input aria-label={t('risks.settings.name')} value={c.name} onChange={(e) => up((d) => (d.categories[k].name = e.target.value))} />
                <NativeSelect aria-label={t('risks.kind')} value={c.kind} onChange={(e) => up((d) => (d.categories[k].kind = e.target.value as 'both'))}>
                  {(['both', 'negative', 'positive'] as const).map((x) => (
                    <option key={x} value={x}>{t(`risks.kinds.${x}`)}</option>
                  ))}
                </NativeSelect>
                <Button size="icon" variant="ghost" aria-label={t('risks.settings.remove')} onClick={() => up((d) => d.categories.splice(k, 1))}>
                  <Trash2 className="text-destructive" />
                </Button>
              </div>
            ))}
          </CardContent>
        </Card>
        <Card>
          <CardHeader className="flex flex-row items-center justify-between">
            <CardTitle>{t('risks.settings.areas')}</CardTitle>
            <Button size="sm" variant="outline" onClick={() => up((d) => d.areas.push({ code: `area_${d.areas.length + 1}`, name: '' }))}>
              <Plus />
              {t('risks.settings.add')}
            </Button>
          </CardHeader>
          <CardContent className="flex flex-col gap-2">
            {draft.areas.map((a, k) => (
              <div key={k} className="grid grid-cols-[8rem_1fr_2.5rem] items-center gap-2">
                <Input aria-label={t('risks.settings.code')} value={a.code} onChange={(e) => up((d) => (d.areas[k].code = e.target.value))} />
                <Input aria-label={t('risks.settings.name')} value={a.name} onChange={(e) => up((d) => (d.areas[k].name = e.target.value))} />
                <Button size="icon" variant="ghost" aria-label={t('risks.settings.remove')} onClick={() => up((d) => d.areas.splice(k, 1))}>
                  <Trash2 className="text-destructive" />
                </Button>
              </div>
            ))}
          </CardContent>
        </Card>
        <Card className="xl:col-span-2">
          <CardHeader>
            <CardTitle>{t('risks.settings.impactCriteria')}</CardTitle>
            <CardDescription>{t('risks.settings.impactCriteriaHelp')}</CardDescription>
          </CardHeader>
          <CardContent className="overflow-x-auto">
            <table className="w-full min-w-[900px] border-separate border-spacing-1 text-sm">
              <thead>
                <tr>
                  <th className="text-left">{t('risks.area')}</th>
                  {draft.impact.map((i) => (
                    <th key={i.level} className="text-left text-xs">{i.level} {i.name}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {draft.areas.map((a) => (
                  <tr key={a.code}>
                    <th scope="row" className="align-top text-left text-xs font-medium">{a.name}</th>
                    {[1, 2, 3, 4, 5].map((level) => {
                      const idx = draft.impactCriteria.findIndex((c) => c.area === a.code && c.level === level && c.kind === 'negative');
                      return (
                        <td key={level}>
                          <Textarea
                            aria-label={t('risks.settings.criterionFor', { area: a.name, level })}
                            rows={2}
                            className="min-h-0 text-xs"
                            value={idx >= 0 ? draft.impactCriteria[idx].text : ''}
                            onChange={(e) =>
                              up((d) => {
                                if (idx >= 0) d.impactCriteria[idx].text = e.target.value;
                                else d.impactCriteria.push({ area: a.code, kind: 'negative', level, text: e.target.value });
                              })
                            }
                          />
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
