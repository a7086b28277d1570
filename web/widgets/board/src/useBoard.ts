/**
 * The board the widget shows and the changes it makes. Each change is shown at once (an optimistic edit over the
 * last board the server sent) and sent with the runtime's callTool, carrying the task's version as expectedVersion.
 * The server's board replaces the edit when it answers; a refusal drops the edit, so the card goes back where it
 * was, and its message (the tool's McpException text) is shown as it is.
 */
import { useCallback, useMemo, useRef, useState } from "react";
import { isHostless } from "@inlay/view";
import { useCallTool, useToolOutput } from "@inlay/view/react";
import {
  applyEdit,
  boardOf,
  DONE,
  errorText,
  sampleBoard,
  type AddTaskInput,
  type BoardChange,
  type BoardTask,
  type BoardView,
  type CompleteTaskInput,
  type DeleteTaskInput,
  type Edit,
  type MoveTaskInput,
} from "./board";

interface Pending {
  seq: number;
  edit: Edit;
}

export interface BoardActions {
  /** The board with every edit still waiting for the server applied; null until a tool result arrives. */
  board: BoardView | null;
  /** Ids of the tasks with a change in flight. */
  busy: ReadonlySet<string>;
  /** The last refusal or failure, as the server worded it. */
  error: string | null;
  /** What the last change did, for the screen-reader status line. */
  status: string;
  dismissError: () => void;
  move: (task: BoardTask, column: string) => Promise<boolean>;
  complete: (task: BoardTask) => Promise<boolean>;
  remove: (task: BoardTask) => Promise<boolean>;
  add: (title: string, column: string) => Promise<boolean>;
  reload: () => Promise<boolean>;
}

export function useBoard(): BoardActions {
  const output = useToolOutput<BoardView | BoardChange>();
  const callTool = useCallTool();
  // The last board the server sent: the host's tool result, replaced by the answers to the widget's own calls.
  const [source, setSource] = useState<{ output: unknown; board: BoardView | null }>({
    output: undefined,
    board: null,
  });
  const [pending, setPending] = useState<Pending[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const seq = useRef(0);
  const applied = useRef(0);

  let confirmed = source.board;
  if (source.output !== output) {
    // A new tool result from the host (the model called a tool): it is the board now.
    confirmed = boardOf(output) ?? confirmed;
    setSource({ output, board: confirmed });
  }
  confirmed ??= output === null && isHostless() ? sampleBoard : null;

  const board = useMemo(
    () => (confirmed ? pending.reduce((b, p) => applyEdit(b, p.edit), confirmed) : null),
    [confirmed, pending],
  );
  const busy = useMemo(() => new Set(pending.map((p) => p.edit.task.id)), [pending]);

  const run = useCallback(
    async (tool: string, args: Record<string, unknown>, edit: Edit | null, done: (task: BoardTask) => string) => {
      const mine = ++seq.current;
      if (edit) setPending((list) => [...list, { seq: mine, edit }]);
      setError(null);
      try {
        const result = await callTool<BoardChange | BoardView>(tool, args);
        if (result.isError) throw new Error(errorText(result));
        const next = boardOf(result.structuredContent);
        // Answers can arrive out of order: a board older than one already shown is not shown again.
        if (next && mine > applied.current) {
          applied.current = mine;
          setSource((s) => ({ ...s, board: next }));
        }
        const task = (result.structuredContent as BoardChange | undefined)?.task;
        setStatus(task ? done(task) : "Board reloaded.");
        return true;
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
        return false;
      } finally {
        if (edit) setPending((list) => list.filter((p) => p.seq !== mine));
      }
    },
    [callTool],
  );

  const move = useCallback(
    (task: BoardTask, column: string) =>
      run(
        "move_task",
        { id: task.id, column, expectedVersion: task.version } satisfies MoveTaskInput,
        { kind: "move", task, column },
        (t) => `Moved "${t.title}" to ${titleOf(board, t.column)}.`,
      ),
    [run, board],
  );
  const complete = useCallback(
    (task: BoardTask) =>
      run(
        "complete_task",
        { id: task.id, expectedVersion: task.version } satisfies CompleteTaskInput,
        { kind: "move", task, column: DONE },
        (t) => `Completed "${t.title}".`,
      ),
    [run],
  );
  const remove = useCallback(
    (task: BoardTask) =>
      run(
        "delete_task",
        { id: task.id, expectedVersion: task.version } satisfies DeleteTaskInput,
        { kind: "delete", task },
        (t) => `Deleted "${t.title}".`,
      ),
    [run],
  );
  const add = useCallback(
    (title: string, column: string) => {
      const now = new Date().toISOString();
      const task: BoardTask = {
        id: `new-${seq.current + 1}`,
        title,
        column,
        completed: column === DONE,
        version: 0,
        createdAt: now,
        updatedAt: now,
      };
      return run(
        "add_task",
        { title, column } satisfies AddTaskInput,
        { kind: "add", task },
        (t) => `Added "${t.title}".`,
      );
    },
    [run],
  );
  const reload = useCallback(() => run("show_board", {}, null, () => "Board reloaded."), [run]);
  const dismissError = useCallback(() => setError(null), []);

  return { board, busy, error, status, dismissError, move, complete, remove, add, reload };
}

const titleOf = (board: BoardView | null, column: string): string =>
  board?.columns.find((c) => c.id === column)?.title ?? column;
