import * as React from 'react';

/**
 * A ref that always holds the latest value. Table cells read handlers through it so that
 * the `columns` array can stay stable: TanStack's flexRender renders cell functions as
 * components, and a new function identity would remount the cell (losing open menus, focus).
 */
export function useLatest<T>(value: T): React.RefObject<T> {
  const ref = React.useRef(value);
  ref.current = value;
  return ref;
}
