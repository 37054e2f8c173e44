import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { categorizationQuestions, categorize, type TAnswer } from '@persada/shared';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { FormError, toast } from '@/components/form';
import { errorText } from '@/lib/api';
import { formatDate } from '@/lib/utils';
import { sysApi } from '../api';
import { CategoryBadge } from './register-table';

const CHOICES: TAnswer[] = ['A', 'B', 'C'];

/** The 10-question categorization (A/B/C = 5/2/1) with its running total and the dated history. */
export function CategorizationTab({ appId, canManage }: { appId: string; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const qc = useQueryClient();
  const history = useQuery({ queryKey: ['systems', 'categorizations', appId], queryFn: () => sysApi.categorizations(appId) });
  const [answers, setAnswers] = React.useState<(TAnswer | undefined)[]>(Array(10).fill(undefined));
  const [error, setError] = React.useState<string | null>(null);
  const complete = answers.every(Boolean);
  const result = complete ? categorize(answers as TAnswer[]) : null;

  const save = useMutation({
    mutationFn: () => sysApi.categorize(appId, { answers: answers as TAnswer[], note: null }),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['systems'] });
      toast.success(t('systems.categorization.saved', { category: t(`systems.enums.category.${r.category}`) }));
      setAnswers(Array(10).fill(undefined));
      setError(null);
    },
    onError: (e) => setError(errorText(e)),
  });

  return (
    <div className="grid gap-4">
      {canManage ? (
        <Card>
          <CardHeader>
            <CardTitle>{t('systems.categorization.title')}</CardTitle>
            <CardDescription>{t('systems.categorization.help')}</CardDescription>
          </CardHeader>
          <CardContent>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (!complete) return setError(t('systems.categorization.incomplete'));
                save.mutate();
              }}
              className="grid gap-4"
            >
              {categorizationQuestions.map((q, i) => (
                <fieldset key={i} className="rounded-md border p-3">
                  <legend className="px-1 text-sm font-medium">
                    {i + 1}. {en ? q.en : q.id}
                  </legend>
                  <div className="mt-2 grid gap-2 sm:grid-cols-3">
                    {CHOICES.map((c) => {
                      const text = q[c.toLowerCase() as 'a'][en ? 1 : 0];
                      const id = `q${i}-${c}`;
                      return (
                        <label key={c} htmlFor={id} className="flex cursor-pointer items-start gap-2 rounded-md border p-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/5">
                          <input
                            id={id}
                            type="radio"
                            name={`q${i}`}
                            value={c}
                            checked={answers[i] === c}
                            onChange={() => setAnswers((a) => a.map((x, j) => (j === i ? c : x)))}
                            className="mt-1"
                          />
                          <span>
                            <strong>{c}</strong> — {text}
                          </span>
                        </label>
                      );
                    })}
                  </div>
                </fieldset>
              ))}
              <div className="flex flex-wrap items-center gap-3" aria-live="polite">
                <span className="text-sm">
                  {t('systems.categorization.answered', { count: answers.filter(Boolean).length })}
                </span>
                {result ? (
                  <span className="text-sm">
                    {t('systems.categorization.total', { score: result.score })} <CategoryBadge category={result.category} />
                  </span>
                ) : null}
              </div>
              <FormError message={error} />
              <div>
                <Button type="submit" disabled={save.isPending}>
                  {t('systems.categorization.submit')}
                </Button>
              </div>
            </form>
          </CardContent>
        </Card>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>{t('systems.categorization.history')}</CardTitle>
          <CardDescription>{t('systems.categorization.scale')}</CardDescription>
        </CardHeader>
        <CardContent>
          {history.data && history.data.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t('systems.categorization.none')}</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t('systems.categorization.date')}</TableHead>
                  <TableHead>{t('systems.categorization.category')}</TableHead>
                  <TableHead>{t('systems.categorization.answers')}</TableHead>
                  <TableHead>{t('systems.categorization.assessor')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {(history.data ?? []).map((h) => (
                  <TableRow key={h.id}>
                    <TableCell>{formatDate(h.assessedOn, i18n.language)}</TableCell>
                    <TableCell>
                      <CategoryBadge category={h.category} score={h.score} />
                    </TableCell>
                    <TableCell className="font-mono text-xs">{h.answers.join(' ')}</TableCell>
                    <TableCell>{h.assessorLabel}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
