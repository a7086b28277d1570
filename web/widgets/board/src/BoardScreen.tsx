import { useEffect, useState, type FormEvent } from "react";
import { useDisplayMode, useRequestDisplayMode, useSendMessage, useWidgetState } from "@inlay/view/react";
import { Alert, buttonClass } from "./ui";
import { COLUMN_IDS, FILTERS, filterOf, shows, type BoardTask, type Filter } from "./board";
import { TaskCard, type CardAction } from "./TaskCard";
import { useBoard } from "./useBoard";

export const SUMMARY_PROMPT = "Summarize my task board and suggest what to do next.";

/** The board: header (filter, summary, fullscreen), the server's last error, three columns and the add form. */
export function BoardScreen() {
  const actions = useBoard();
  const { board, busy, error, status } = actions;
  const [widgetState, setWidgetState] = useWidgetState<unknown>({ filter: "all" });
  const filter = filterOf(widgetState);
  const sendMessage = useSendMessage();
  const displayMode = useDisplayMode();
  const requestDisplayMode = useRequestDisplayMode();
  const [hostError, setHostError] = useState<string | null>(null);
  const [focus, setFocus] = useState<{ id: string; action: CardAction; column: string } | null>(null);
  const [dragOver, setDragOver] = useState<string | null>(null);

  // After a move the card is drawn in another column (and again if the move is rolled back): keep keyboard focus
  // on the button that was pressed, unless the user has focused something else since.
  useEffect(() => {
    if (!focus || (document.activeElement && document.activeElement !== document.body)) return;
    const find = (attribute: string, value: string) =>
      [...document.querySelectorAll<HTMLElement>(`[${attribute}]`)].find((el) => el.getAttribute(attribute) === value);
    const card = find("data-task-id", focus.id);
    const column = find("data-column", focus.column);
    (card?.querySelector<HTMLElement>(`[data-action="${focus.action}"]`) ?? card ?? column)?.focus(); // deleted: its column
  }, [focus, board]);

  const host = (promise: Promise<unknown>) => {
    setHostError(null);
    promise.catch((e: unknown) => setHostError(e instanceof Error ? e.message : String(e)));
  };
  const onCard = (task: BoardTask, action: CardAction, column?: string) => {
    if (busy.has(task.id)) return;
    setFocus({ id: task.id, action, column: task.column });
    if (action === "delete") void actions.remove(task);
    else if (action === "complete") void actions.complete(task);
    else if (column && column !== task.column) void actions.move(task, column);
  };

  if (!board) return <p className="text-subtle">Opening the board…</p>;

  return (
    <>
      <header className="mb-3 flex flex-wrap items-center gap-2">
        <h1 className="mr-auto text-lg font-semibold">Task board</h1>
        <label className="flex items-center gap-1 text-sm">
          Show
          <select
            className={`${buttonClass} bg-field`}
            value={filter}
            onChange={(e) => setWidgetState({ filter: e.target.value as Filter })}
            aria-label="Filter tasks"
          >
            {Object.entries(FILTERS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className={buttonClass} onClick={() => host(sendMessage(SUMMARY_PROMPT))}>
          Summarize my board
        </button>
        <button
          type="button"
          className={buttonClass}
          onClick={() => host(requestDisplayMode(displayMode === "fullscreen" ? "inline" : "fullscreen"))}
        >
          {displayMode === "fullscreen" ? "Exit fullscreen" : "Fullscreen"}
        </button>
      </header>

      {error && <Alert message={error} action="Reload board" onAction={() => void actions.reload()} />}
      {hostError && <Alert message={hostError} action="Dismiss" onAction={() => setHostError(null)} />}
      <p role="status" className="sr-only">
        {status}
      </p>

      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        {board.columns.map((column) => {
          const at = COLUMN_IDS.indexOf(column.id as (typeof COLUMN_IDS)[number]);
          const neighbour = (step: number) => board.columns[at + step];
          const tasks = column.tasks.filter((t) => shows(t, filter));
          return (
            <section
              key={column.id}
              aria-labelledby={`column-${column.id}`}
              data-column={column.id}
              tabIndex={-1}
              className={`min-h-24 rounded-card bg-card p-2 outline-focus focus-visible:outline-2 ${dragOver === column.id ? "ring-2 ring-blue-500" : ""}`}
              onDragOver={(e) => {
                if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
                e.preventDefault();
                setDragOver(column.id);
              }}
              onDragLeave={() => setDragOver(null)}
              onDrop={(e) => {
                e.preventDefault();
                setDragOver(null);
                const task = board.columns
                  .flatMap((c) => c.tasks)
                  .find((t) => t.id === e.dataTransfer.getData(DRAG_TYPE));
                if (task) onCard(task, "drop", column.id);
              }}
            >
              <h2 id={`column-${column.id}`} className="mx-1 mb-2 text-sm font-semibold">
                {column.title}{" "}
                <span className="font-normal text-subtle">({column.tasks.length})</span>
              </h2>
              <ul className="flex flex-col gap-2">
                {tasks.map((task) => (
                  <TaskCard
                    key={task.id}
                    task={task}
                    busy={busy.has(task.id)}
                    left={neighbour(-1)}
                    right={neighbour(1)}
                    onAction={(action, to) => onCard(task, action, to)}
                    dragType={DRAG_TYPE}
                  />
                ))}
              </ul>
              {tasks.length === 0 && (
                <p className="mx-1 text-sm text-subtle">
                  {column.tasks.length ? "None shown" : "No tasks"}
                </p>
              )}
            </section>
          );
        })}
      </div>

      <AddTask columns={board.columns} onAdd={actions.add} />
    </>
  );
}

/** The data type a dragged card carries: its task id. */
const DRAG_TYPE = "application/x-inlay-task";

function AddTask({
  columns,
  onAdd,
}: {
  columns: { id: string; title: string }[];
  onAdd: (title: string, column: string) => Promise<boolean>;
}) {
  const [title, setTitle] = useState("");
  const [column, setColumn] = useState<string>(COLUMN_IDS[0]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const text = title.trim();
    if (!text) return;
    setTitle("");
    // Refused: give the title back so it can be fixed, unless something new was typed meanwhile.
    if (!(await onAdd(text, column))) setTitle((current) => current || text);
  };
  return (
    <form className="mt-3 flex flex-wrap gap-2" onSubmit={(e) => void submit(e)}>
      <input
        className={`${buttonClass} min-w-40 flex-1 bg-field`}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        maxLength={200}
        placeholder="New task"
        aria-label="New task title"
        required
      />
      <select
        className={`${buttonClass} bg-field`}
        value={column}
        onChange={(e) => setColumn(e.target.value)}
        aria-label="Column for the new task"
      >
        {columns.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </select>
      <button type="submit" className={buttonClass}>
        Add task
      </button>
    </form>
  );
}
