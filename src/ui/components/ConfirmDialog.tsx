// A question before something that cannot be undone. Cancel is focused first.

import { useId, useRef } from "react";
import { t } from "../../i18n/index";
import { ModalDialog } from "./ModalDialog";

interface Props {
  title: string;
  text: string;
  confirm: string;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDialog({ title, text, confirm, onConfirm, onCancel }: Props) {
  const titleId = useId();
  const textId = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog labelledBy={titleId} describedBy={textId} onCancel={onCancel} initialFocus={cancel} className="confirm">
      <h2 id={titleId}>{title}</h2>
      <p id={textId}>{text}</p>
      <div className="dialog-actions">
        <button type="button" className="danger" onClick={onConfirm}>
          {confirm}
        </button>
        <button ref={cancel} type="button" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </ModalDialog>
  );
}
