import { useTranslation } from 'react-i18next';
import { FolderTree, Pencil, Plus, Trash2 } from 'lucide-react';
import type { TUnit } from '@persada/shared';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { UnitNode } from '@/lib/lookups';

type Handlers = {
  canManage: boolean;
  onAddChild: (parent: TUnit) => void;
  onEdit: (u: TUnit) => void;
  onDelete: (u: TUnit) => void;
};

function Node({ node, h }: { node: UnitNode; h: Handlers }) {
  const { t } = useTranslation();
  return (
    <li role="treeitem" aria-expanded={node.children.length ? true : undefined} aria-label={node.name}>
      <div className="group flex items-center gap-2 rounded-md px-2 py-1.5 hover:bg-muted/60">
        <FolderTree className="size-4 shrink-0 text-muted-foreground" />
        <span className="font-medium">{node.name}</span>
        <Badge variant="outline">{t(`enums.unitKind.${node.kind}`)}</Badge>
        {h.canManage ? (
          <div className="ml-auto flex gap-1">
            <Button size="icon" variant="ghost" className="size-7" aria-label={t('unit.addChildOf', { name: node.name })} onClick={() => h.onAddChild(node)}>
              <Plus />
            </Button>
            <Button size="icon" variant="ghost" className="size-7" aria-label={t('unit.editNamed', { name: node.name })} onClick={() => h.onEdit(node)}>
              <Pencil />
            </Button>
            <Button size="icon" variant="ghost" className="size-7" aria-label={t('unit.deleteNamed', { name: node.name })} onClick={() => h.onDelete(node)}>
              <Trash2 className="text-destructive" />
            </Button>
          </div>
        ) : null}
      </div>
      {node.children.length ? (
        <ul role="group" className="ml-5 border-l pl-2">
          {node.children.map((c) => (
            <Node key={c.id} node={c} h={h} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function UnitTree({ roots, label, ...h }: Handlers & { roots: UnitNode[]; label: string }) {
  return (
    <ul role="tree" aria-label={label} className="flex flex-col gap-0.5 text-sm">
      {roots.map((n) => (
        <Node key={n.id} node={n} h={h} />
      ))}
    </ul>
  );
}
