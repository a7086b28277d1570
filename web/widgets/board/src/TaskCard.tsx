import { forwardRef, useEffect, useRef, useState, type ReactNode } from "react";
import type { BoardColumn, BoardTask } from "./board";
import { buttonClass } from "./ui";

/** What a card's buttons do; `data-action` names the button so focus can follow the card to its new column. */
export type CardAction = "left" | "right" | "complete" | "delete" | "drop";

interface TaskCardProps {
  task: BoardTask;
  /** A change to this task is waiting for the server: its buttons do nothing until it answers. */
  busy: boolean;
  left: BoardColumn | undefined;
  right: BoardColumn | undefined;
  onAction: (action: CardAction, column?: string) => void;
  dragType: string;
}

/**
 * One card: its title and its buttons (move left, move right, complete, delete). Delete asks first, inside the card
 * (sandboxed frames may not allow window.confirm): Escape or Cancel keeps the card.
 */
export function TaskCard({ task, busy, left, right, onAction, dragType }: TaskCardProps) {
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (asked.current) deleteRef.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  const name = `"${task.title}"`;

  return (
    <li
      data-task-id={task.id}
      tabIndex={-1}
      draggable={!busy && !confirming}
      onDragStart={(e) => {
        e.dataTransfer.setData(dragType, task.id);
        e.dataTransfer.effectAllowed = "move";
      }}
      aria-busy={busy || undefined}
      aria-label={`${task.title}${task.completed ? ", done" : ""}`}
      className={`rounded-item bg-raised p-2 shadow-item outline-focus focus-visible:outline-2 ${busy ? "opacity-60" : ""}`}
    >
      <p className={`break-words text-sm ${task.completed ? "text-subtle line-through" : ""}`}>
        {task.title}
      </p>
      {confirming ? (
        <div
          role="group"
          aria-label={`Delete ${name}?`}
          className="mt-2 flex flex-wrap items-center gap-1 text-sm"
          onKeyDown={(e) => e.key === "Escape" && setConfirming(false)}
        >
          <span className="mr-auto">Delete this task?</span>
          <button
            type="button"
            className={`${buttonClass} border-danger-line! text-danger`}
            data-action="confirm-delete"
            aria-label={`Yes, delete ${name}`}
            onClick={() => {
              setConfirming(false);
              asked.current = false;
              onAction("delete");
            }}
          >
            Delete
          </button>
          <button
            ref={cancelRef}
            type="button"
            className={buttonClass}
            aria-label={`Keep ${name}`}
            onClick={() => setConfirming(false)}
          >
            Cancel
          </button>
        </div>
      ) : (
        <div className="mt-2 flex flex-wrap gap-1">
          {(
            [
              ["left", left, "←"],
              ["right", right, "→"],
            ] as const
          ).map(
            ([action, column, arrow]) =>
              column && (
                <CardButton
                  key={action}
                  action={action}
                  label={`Move ${name} to ${column.title}`}
                  hint={`Move to ${column.title}`}
                  busy={busy}
                  onClick={() => onAction(action, column.id)}
                >
                  {arrow}
                </CardButton>
              ),
          )}
          {!task.completed && (
            <CardButton
              action="complete"
              label={`Complete ${name}`}
              hint="Complete"
              busy={busy}
              onClick={() => onAction("complete")}
            >
              ✓
            </CardButton>
          )}
          <CardButton
            ref={deleteRef}
            action="delete"
            label={`Delete ${name}`}
            hint="Delete"
            busy={busy}
            onClick={() => setConfirming(true)}
          >
            ✕
          </CardButton>
        </div>
      )}
    </li>
  );
}

interface CardButtonProps {
  action: CardAction;
  /** What a screen reader announces: the action, the card and the target column. */
  label: string;
  /** The tooltip for a pointer. */
  hint: string;
  /** While the card's change is in flight the button stays focusable but does nothing. */
  busy: boolean;
  onClick: () => void;
  children: ReactNode;
}

const CardButton = forwardRef<HTMLButtonElement, CardButtonProps>(function CardButton(
  { action, label, hint, busy, onClick, children },
  ref,
) {
  return (
    <button
      ref={ref}
      type="button"
      className={buttonClass}
      data-action={action}
      aria-label={label}
      aria-disabled={busy || undefined}
      title={hint}
      onClick={() => !busy && onClick()}
    >
      {children}
    </button>
  );
});
