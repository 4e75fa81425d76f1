// The button that starts a search by the solver (the editor's Check, "Check my fix"), Cancel
// while it runs, and a line beside it saying what it does, or why it cannot start yet.

import { t } from "../../i18n/index";

interface Props {
  running: boolean;
  /** False: the button stays focusable but does nothing, and `blocked` says why. */
  canCheck: boolean;
  label: string;
  /** What a check does. */
  about: string;
  /** Why there can be no check now. */
  blocked: string;
  /** The id of the line that says so, for aria-describedby. */
  aboutId: string;
  className: string;
  onCheck(): void;
  onCancel(): void;
}

export function CheckButton({ running, canCheck, label, about, blocked, aboutId, className, onCheck, onCancel }: Props) {
  return (
    <div className={className}>
      {running ? (
        <button type="button" onClick={onCancel}>
          {t("play.check.cancel")}
        </button>
      ) : (
        <button type="button" className="primary" onClick={onCheck} aria-disabled={canCheck ? undefined : true} aria-describedby={aboutId}>
          {label}
        </button>
      )}
      <p id={aboutId} className="muted">
        {canCheck ? about : blocked}
      </p>
    </div>
  );
}
