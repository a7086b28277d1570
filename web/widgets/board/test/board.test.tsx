import { act } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { FakeHost, installOpenAi, removeOpenAi, resetParent, type Posted } from "../../../view/test/fake-host";
import { mount as mountNode, settle, unmount } from "../../../view/test/mount";
import { App } from "../src/App";
import { SUMMARY_PROMPT } from "../src/BoardScreen";
import type { BoardTask, BoardView } from "../src/board";

let container: HTMLElement;

async function mount(): Promise<void> {
  container = await mountNode(<App />);
}

afterEach(() => {
  unmount();
  answered.clear();
  resetParent();
  removeOpenAi();
  localStorage.clear();
  document.documentElement.classList.remove("dark");
});

const at = "2026-01-26T09:30:00Z";
const task = (id: string, title: string, column: string, version = 1): BoardTask => ({
  id,
  title,
  column,
  completed: column === "done",
  version,
  createdAt: at,
  updatedAt: at,
});
const boardWith = (...tasks: BoardTask[]): BoardView => ({
  columns: [
    { id: "todo", title: "To do", tasks: tasks.filter((t) => t.column === "todo") },
    { id: "doing", title: "In progress", tasks: tasks.filter((t) => t.column === "doing") },
    { id: "done", title: "Done", tasks: tasks.filter((t) => t.column === "done") },
  ],
  taskCount: tasks.length,
});
const readme = task("t_00000000000a", "Write the README", "todo", 3);
const tests = task("t_00000000000b", "Run the tests", "done", 2);
const board = boardWith(readme, tests);

/** An MCP Apps host that has shown the board; tools/call requests are left for each test to answer. */
async function showBoard(): Promise<FakeHost> {
  const host = new FakeHost().install();
  host.handlers["ui/update-model-context"] = () => ({});
  host.handlers["ui/message"] = () => ({});
  await mount();
  await settle();
  await act(async () => host.notify("ui/notifications/tool-result", { structuredContent: board, content: [] }));
  return host;
}

const columnOf = (id: string) =>
  container.querySelector(`[data-task-id="${id}"]`)?.closest("section")?.getAttribute("data-column");
const button = (name: string) => {
  const found = [...container.querySelectorAll("button")].find(
    (b) => (b.getAttribute("aria-label") ?? b.textContent) === name,
  );
  if (!found) throw new Error(`no button "${name}"`);
  return found;
};
const click = (name: string) => act(async () => button(name).click());

const answered = new Set<Posted["id"]>();

/** The first tools/call the widget sent that is not answered yet, and a way to answer it. */
async function nextCall(host: FakeHost): Promise<{ request: Posted; answer: (result: object) => Promise<void> }> {
  const request = await host.next((m) => m.method === "tools/call" && !answered.has(m.id));
  answered.add(request.id);
  return {
    request,
    answer: async (result) => {
      await act(async () => host.send({ jsonrpc: "2.0", id: request.id, result }));
      await settle();
    },
  };
}

describe("board widget in an MCP Apps host", () => {
  it("shows the three columns and their cards, in the host's theme", async () => {
    await showBoard();
    expect([...container.querySelectorAll("h2")].map((h) => h.textContent)).toEqual([
      "To do (1)",
      "In progress (0)",
      "Done (1)",
    ]);
    expect(columnOf(readme.id)).toBe("todo");
    expect(columnOf(tests.id)).toBe("done");
    expect(document.documentElement.classList.contains("dark")).toBe(true); // the fake host's theme
    expect(container.querySelector<HTMLElement>("[data-testid=board-root]")!.style.maxHeight).toBe("600px");
  });

  it("moves a card at once, then shows the server's board when the move is accepted", async () => {
    const host = await showBoard();
    await click('Move "Write the README" to In progress');
    const { request, answer } = await nextCall(host);
    expect(request.params).toEqual({
      name: "move_task",
      arguments: { id: readme.id, column: "doing", expectedVersion: 3 },
    });
    expect(columnOf(readme.id)).toBe("doing"); // before the server answers
    expect(container.querySelector(`[data-task-id="${readme.id}"]`)!.getAttribute("aria-busy")).toBe("true");

    const moved = { ...readme, column: "doing", version: 4 };
    await answer({
      structuredContent: { task: moved, board: boardWith(moved, tests) },
      content: [{ type: "text", text: "Moved." }],
    });
    expect(columnOf(readme.id)).toBe("doing");
    expect(container.querySelector(`[data-task-id="${readme.id}"]`)!.hasAttribute("aria-busy")).toBe(false);
    expect(container.querySelector("[role=status]")!.textContent).toBe('Moved "Write the README" to In progress.');
    expect(container.querySelector("[role=alert]")).toBeNull();
    // Keyboard focus followed the card to its new column, on the button that was pressed.
    expect(document.activeElement?.getAttribute("aria-label")).toBe('Move "Write the README" to Done');
  });

  it("rolls a refused move back and shows the server's message", async () => {
    const host = await showBoard();
    await click('Move "Write the README" to In progress');
    const { answer } = await nextCall(host);
    expect(columnOf(readme.id)).toBe("doing");

    const message =
      "The task 't_00000000000a' was changed by someone else (it is at version 4, you had 3); reload the board.";
    await answer({ isError: true, content: [{ type: "text", text: message }] });
    expect(columnOf(readme.id)).toBe("todo");
    expect(container.querySelector("[data-testid=error]")!.textContent).toBe(message);

    // Reload board fetches show_board and clears nothing it should not.
    await click("Reload board");
    const reload = await nextCall(host);
    expect(reload.request.params).toEqual({ name: "show_board", arguments: {} });
    const current = { ...readme, column: "done", completed: true, version: 4 };
    await reload.answer({ structuredContent: boardWith(current, tests), content: [] });
    expect(columnOf(readme.id)).toBe("done");
    expect(container.querySelector("[role=alert]")).toBeNull();
  });

  it("rolls back when the host fails the request itself", async () => {
    const host = await showBoard();
    await click('Complete "Write the README"');
    const { request } = await nextCall(host);
    expect(columnOf(readme.id)).toBe("done");
    await act(async () =>
      host.send({ jsonrpc: "2.0", id: request.id, error: { code: -32603, message: "The server is unreachable." } }),
    );
    await settle();
    expect(columnOf(readme.id)).toBe("todo");
    expect(container.querySelector("[data-testid=error]")!.textContent).toBe("The server is unreachable.");
  });

  it("asks before deleting, and Escape keeps the card", async () => {
    const host = await showBoard();
    await click('Delete "Write the README"');
    expect(document.activeElement?.getAttribute("aria-label")).toBe('Keep "Write the README"');
    await act(async () => {
      document.activeElement!.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    });
    expect(document.activeElement?.getAttribute("aria-label")).toBe('Delete "Write the README"');
    expect(host.of("tools/call")).toHaveLength(0);

    await click('Delete "Write the README"');
    await click('Yes, delete "Write the README"');
    const { request, answer } = await nextCall(host);
    expect(request.params).toEqual({ name: "delete_task", arguments: { id: readme.id, expectedVersion: 3 } });
    expect(columnOf(readme.id)).toBeUndefined();
    await answer({ structuredContent: { task: readme, board: boardWith(tests) }, content: [] });
    expect(columnOf(readme.id)).toBeUndefined();
    expect(container.querySelector("[role=status]")!.textContent).toBe('Deleted "Write the README".');
  });

  it("adds a task at once, and gives the title back when the server refuses it", async () => {
    const host = await showBoard();
    const input = container.querySelector<HTMLInputElement>("input[aria-label='New task title']")!;
    const type = (text: string) =>
      act(async () => {
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(input, text);
        input.dispatchEvent(new Event("input", { bubbles: true }));
      });
    await type("Plan the sprint");
    await click("Add task");
    const { request, answer } = await nextCall(host);
    expect(request.params).toEqual({ name: "add_task", arguments: { title: "Plan the sprint", column: "todo" } });
    expect(container.querySelector("section[data-column=todo]")!.textContent).toContain("Plan the sprint");
    expect(input.value).toBe("");
    await answer({
      isError: true,
      content: [{ type: "text", text: "The board is full (500 tasks); delete some before adding more." }],
    });
    expect(container.querySelector("section[data-column=todo]")!.textContent).not.toContain("Plan the sprint");
    expect(input.value).toBe("Plan the sprint");
    expect(container.querySelector("[data-testid=error]")!.textContent).toContain("The board is full");
  });

  it("keeps the selected filter in widget state, which survives a reload", async () => {
    const host = await showBoard();
    const select = () => container.querySelector<HTMLSelectElement>("select[aria-label='Filter tasks']")!;
    expect(select().value).toBe("all");
    await act(async () => {
      select().value = "done";
      select().dispatchEvent(new Event("change", { bubbles: true }));
    });
    await settle();
    expect(select().value).toBe("done");
    expect(columnOf(readme.id)).toBeUndefined(); // open tasks are hidden
    expect(columnOf(tests.id)).toBe("done");
    expect(host.of("ui/update-model-context").at(-1)?.params).toEqual({ structuredContent: { filter: "done" } });

    unmount(); // the page reloads: a new runtime, the same widget instance (toolInfo.id)
    await showBoard();
    expect(select().value).toBe("done");
    expect(columnOf(readme.id)).toBeUndefined();
  });

  it("sends a follow-up message asking for a summary", async () => {
    const host = await showBoard();
    await click("Summarize my board");
    const sent = await host.next("ui/message");
    expect(sent.params).toEqual({ role: "user", content: [{ type: "text", text: SUMMARY_PROMPT }] });
  });

  it("requests fullscreen, then offers to leave it", async () => {
    const host = await showBoard();
    host.handlers["ui/request-display-mode"] = (params) => ({ mode: params.mode });
    await click("Fullscreen");
    await settle();
    expect(host.of("ui/request-display-mode")[0]?.params).toEqual({ mode: "fullscreen" });
    expect(button("Exit fullscreen")).toBeTruthy();
    expect(container.querySelector<HTMLElement>("[data-testid=board-root]")!.style.maxHeight).toBe("");
  });
});

describe("board widget in ChatGPT", () => {
  it("reads the filter from widgetState, and uses window.openai for the state, tool calls and the summary", async () => {
    const openai = installOpenAi({ toolOutput: board, widgetState: { filter: "open" }, theme: "light" });
    await mount();
    expect(container.querySelector<HTMLSelectElement>("select[aria-label='Filter tasks']")!.value).toBe("open");
    expect(columnOf(tests.id)).toBeUndefined();
    expect(document.documentElement.classList.contains("dark")).toBe(false);

    await click("Summarize my board");
    expect(openai.sendFollowUpMessage).toHaveBeenCalledWith({ prompt: SUMMARY_PROMPT });

    await act(async () => {
      const select = container.querySelector<HTMLSelectElement>("select[aria-label='Filter tasks']")!;
      select.value = "all";
      select.dispatchEvent(new Event("change", { bubbles: true }));
    });
    expect(openai.setWidgetState).toHaveBeenCalledWith({ filter: "all" });

    await click('Move "Write the README" to In progress');
    await settle();
    expect(openai.callTool).toHaveBeenCalledWith("move_task", { id: readme.id, column: "doing", expectedVersion: 3 });
  });
});

describe("board widget outside a host", () => {
  it("shows the dev-mode banner and a sample board", async () => {
    await mount();
    expect(container.textContent).toContain("Dev mode: no host detected");
    expect(container.querySelectorAll("[data-task-id]")).toHaveLength(3);
  });
});
