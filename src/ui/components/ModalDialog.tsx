// The app's dialogs: a native <dialog> opened with showModal(), so focus stays inside, the page
// behind is inert and Escape cancels. `initialFocus` picks the button focused first.

import { useEffect, useRef, type ReactNode, type RefObject } from "react";

interface Props {
  labelledBy: string;
  describedBy?: string;
  className?: string;
  /** Escape, or the dialog closed some other way. */
  onCancel(): void;
  initialFocus?: RefObject<HTMLElement | null>;
  children: ReactNode;
}

export function ModalDialog({ labelledBy, describedBy, className, onCancel, initialFocus, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef(onCancel);
  cancel.current = onCancel;
  useEffect(() => {
    const dialog = ref.current!;
    if (!dialog.open) dialog.showModal();
    initialFocus?.current?.focus();
    return () => dialog.close();
  }, [initialFocus]);
  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : "dialog"}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onCancel={(e) => {
        e.preventDefault();
        cancel.current();
      }}
    >
      {children}
    </dialog>
  );
}
