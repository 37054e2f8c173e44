import * as React from 'react';
import { useForm } from 'react-hook-form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ZUnitInput, type TUnit } from '@persada/shared';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Form, SelectField, TextField, toast, FormDialogFooter } from '@/components/form';
import { applyServerErrors } from '@/lib/form-errors';
import { flattenUnitTree, type UnitNode } from '@/lib/lookups';
import { zr } from '@/lib/zod-i18n';
import { orgApi, unitKinds } from '../api';

/** Ids of a unit and all its descendants (they cannot become its parent). */
function subtreeIds(tree: UnitNode[], id: string): Set<string> {
  const out = new Set<string>();
  const find = (list: UnitNode[]): UnitNode | undefined => {
    for (const n of list) {
      if (n.id === id) return n;
      const f = find(n.children);
      if (f) return f;
    }
    return undefined;
  };
  const root = find(tree);
  const walk = (n: UnitNode) => {
    out.add(n.id);
    n.children.forEach(walk);
  };
  if (root) walk(root);
  return out;
}

export function UnitFormDialog({
  open,
  onOpenChange,
  opdId,
  unit,
  parentId,
  tree,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  opdId: string;
  /** Unit being edited (null to create). */
  unit: TUnit | null;
  /** Default parent for a new unit. */
  parentId: string | null;
  tree: UnitNode[];
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const initial = React.useMemo(
    () => ({ opdId, parentId: unit ? unit.parentId : parentId, name: unit?.name ?? '', kind: unit?.kind ?? 'bidang' }),
    [opdId, unit, parentId],
  );
  const form = useForm({ resolver: zr(ZUnitInput), defaultValues: initial as any });

  React.useEffect(() => {
    if (open) form.reset(initial as any);
  }, [open, initial, form]);

  const excluded = unit ? subtreeIds(tree, unit.id) : new Set<string>();
  const parentOptions = flattenUnitTree(tree)
    .filter((n) => !excluded.has(n.id))
    .map((n) => ({ value: n.id, label: `${'— '.repeat(n.depth)}${n.name}` }));

  const save = useMutation({
    mutationFn: (v: any) => (unit ? orgApi.updateUnit(unit.id, v) : orgApi.createUnit(v)),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['units', opdId] });
      void qc.invalidateQueries({ queryKey: ['opds'] });
      toast.success(t('common.saved'));
      onOpenChange(false);
    },
    onError: (e) => applyServerErrors(e, form.setError),
  });

  return (
    <Dialog open={open} onOpenChange={(o) => !save.isPending && onOpenChange(o)}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{unit ? t('unit.editTitle') : t('unit.createTitle')}</DialogTitle>
          <DialogDescription>{t('unit.formHelp')}</DialogDescription>
        </DialogHeader>
        <Form form={form} onSubmit={(v) => save.mutate(v)}>
          <TextField name="name" label={t('unit.name')} required autoFocus />
          <SelectField name="kind" label={t('unit.kind')} options={unitKinds.map((k) => ({ value: k, label: t(`enums.unitKind.${k}`) }))} />
          <SelectField name="parentId" label={t('unit.parent')} options={parentOptions} placeholder={t('unit.noParent')} emptyAsNull />
          <FormDialogFooter pending={save.isPending} onCancel={() => onOpenChange(false)} />
        </Form>
      </DialogContent>
    </Dialog>
  );
}
