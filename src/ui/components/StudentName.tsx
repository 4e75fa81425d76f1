// Asks the student's name once in a pack whose levels are parameterised: the name (with the
// pack's id) chooses the numbers of their levels, and their record carries it.

import { useId, useState } from "react";
import { t } from "../../i18n/index";
import { MAX_STUDENT_CHARS } from "../pack-record";
import { nameProblem, savedStudentName, setPackStudent } from "../pack-student";

/** `focus`: on a screen that is only this question (a level waiting for the name), take the focus. */
export function StudentNameForm({ packId, focus = false, onDone }: { packId: string; focus?: boolean; onDone?(): void }) {
  const inputId = useId();
  const [name, setName] = useState(savedStudentName);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="student-name"
      aria-labelledby={`${inputId}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        const wrong = nameProblem(name);
        if (wrong) return setProblem(wrong);
        setPackStudent(packId, name.trim());
        onDone?.();
      }}
    >
      <h2 id={`${inputId}-title`}>{t("packs.student.title")}</h2>
      <p>{t("packs.student.text")}</p>
      <label htmlFor={inputId}>{t("packs.student.name")}</label>
      <input
        id={inputId}
        type="text"
        autoComplete="name"
        autoFocus={focus}
        value={name}
        maxLength={MAX_STUDENT_CHARS}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${inputId}-problem` : undefined}
        onChange={(e) => {
          setName(e.currentTarget.value);
          setProblem(null);
        }}
      />
      {problem && (
        <p id={`${inputId}-problem`} className="field-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button type="submit" className="primary">
          {t("packs.student.play")}
        </button>
      </div>
    </form>
  );
}
