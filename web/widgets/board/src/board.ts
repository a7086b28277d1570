/**
 * The board's data as the server sends it, with types generated from the JSON Schemas the tools advertise for the
 * C# records BoardView and BoardChange (see web/scripts/schema-types.mjs), and the pure edits the widget shows
 * before the server confirms them.
 */
import type { CallToolResult } from "@inlay/view";
import type { Column, MoveTaskOutput, ShowBoardOutput, Task } from "./generated/tool-types";

export type { AddTaskInput, CompleteTaskInput, DeleteTaskInput, MoveTaskInput } from "./generated/tool-types";

/** show_board's result: the columns in display order, each with its tasks. */
export type BoardView = ShowBoardOutput;
/** The result of every change: the task as it now is, and the board after it. */
export type BoardChange = MoveTaskOutput;
export type BoardColumn = Column;
export type BoardTask = Task;

/** The columns, in the order the server shows them; moves go one step left or right. */
export const COLUMN_IDS = ["todo", "doing", "done"] as const;
export const DONE = "done";

export const FILTERS = { all: "All", open: "Open", done: "Done" } as const;
export type Filter = keyof typeof FILTERS;

/** A change shown at once, before the server confirms it (a completion is a move to done). */
export type Edit =
  | { kind: "move"; task: BoardTask; column: string }
  | { kind: "delete"; task: BoardTask }
  | { kind: "add"; task: BoardTask };

/** The board a tool result carries: show_board's whole result, or a change's `board`. */
export function boardOf(output: unknown): BoardView | null {
  if (!output || typeof output !== "object") return null;
  const candidate = "board" in output ? (output as BoardChange).board : output;
  return Array.isArray((candidate as BoardView | undefined)?.columns) ? (candidate as BoardView) : null;
}

/** The board with one edit applied: the task leaves its column, then joins its new one at the end. */
export function applyEdit(board: BoardView, edit: Edit): BoardView {
  const target = edit.kind === "move" ? edit.column : edit.kind === "add" ? edit.task.column : null;
  const moved =
    edit.kind === "move" ? { ...edit.task, column: edit.column, completed: edit.column === DONE } : edit.task;
  let count = 0;
  const columns = board.columns.map((column) => {
    const tasks = column.tasks.filter((t) => t.id !== edit.task.id);
    if (column.id === target) tasks.push(moved);
    count += tasks.length;
    return { ...column, tasks };
  });
  return { columns, taskCount: count };
}

/** Whether a task shows under a filter. */
export const shows = (task: BoardTask, filter: Filter): boolean =>
  filter === "all" || (filter === "done") === task.completed;

/** The filter in a stored widget state, or "all" when there is none or it is not one the widget knows. */
export function filterOf(state: unknown): Filter {
  const filter = (state as { filter?: unknown } | null)?.filter;
  return typeof filter === "string" && filter in FILTERS ? (filter as Filter) : "all";
}

/** The text a tool error result carries (the server's McpException message), or a fallback. */
export function errorText(result: CallToolResult<unknown>): string {
  const text = result.content?.find((c) => c.type === "text")?.text;
  return typeof text === "string" && text ? text : "The board refused the change.";
}

/** What the widget shows outside a host (opened as a plain page), so its layout can be worked on. */
export const sampleBoard: BoardView = (() => {
  const at = "2026-01-26T09:30:00Z";
  const task = (id: string, title: string, column: string): BoardTask => ({
    id,
    title,
    column,
    completed: column === DONE,
    version: 1,
    createdAt: at,
    updatedAt: at,
  });
  return {
    columns: [
      { id: "todo", title: "To do", tasks: [task("t_000000000001", "Write the release notes", "todo")] },
      { id: "doing", title: "In progress", tasks: [task("t_000000000002", "Review the board widget", "doing")] },
      { id: "done", title: "Done", tasks: [task("t_000000000003", "Ship the Hello sample", "done")] },
    ],
    taskCount: 3,
  };
})();
