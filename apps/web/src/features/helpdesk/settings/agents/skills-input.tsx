"use client";

import { useId, useState } from "react";
import { Button } from "~/components/ui/button";
import { inputClasses, labelClasses } from "~/components/ui/field";
import { FieldError } from "../form-fields";

/** Skills as removable chips with a text box to add more (Enter or "Add"); `type:Billing`, `lang:es`, `tag:vip`. */
export function SkillsInput({ skills, error, disabled, onChange }: { skills: string[]; error: string | undefined; disabled: boolean; onChange: (skills: string[]) => void }) {
  const id = useId();
  const [text, setText] = useState("");
  const add = () => {
    const skill = text.trim();
    if (skill && !skills.includes(skill)) onChange([...skills, skill]);
    setText("");
  };
  return (
    <div>
      <label htmlFor={id} className={labelClasses}>
        Skills
      </label>
      <ul className="mb-2 flex flex-wrap gap-2" aria-label="Skills">
        {skills.length === 0 ? <li className="text-sm text-muted">No skills yet.</li> : null}
        {skills.map((s) => (
          <li key={s} className="inline-flex items-center gap-1 rounded-full bg-surface-2 py-1 pr-1 pl-3 text-sm text-fg">
            {s}
            <button type="button" aria-label={`Remove skill ${s}`} disabled={disabled} onClick={() => onChange(skills.filter((x) => x !== s))} className="inline-flex size-8 items-center justify-center rounded-full hover:bg-line">
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="flex gap-2">
        <input
          id={id}
          className={inputClasses}
          value={text}
          placeholder="e.g. type:Billing, lang:es"
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-e` : ""}`}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              add();
            }
          }}
        />
        <Button disabled={disabled || !text.trim()} onClick={add}>
          Add
        </Button>
      </div>
      <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
        Skill-based assignment matches <code>type:</code> (ticket type), <code>lang:</code> (language) and <code>tag:</code> skills.
      </p>
      <FieldError id={`${id}-e`} message={error} />
    </div>
  );
}
