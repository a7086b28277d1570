using System.ComponentModel;
using System.Security.Claims;
using Inlay;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace Board;

/// <summary>
/// The task board widget and its tools: one to show the board, four to change it. The widget is a React app
/// (web/widgets/board) that the build writes to widgets/board/dist; Inlay serves that folder and reads the entry
/// from its Vite manifest.
/// </summary>
[Widget("ui://widget/board.html",
    AssetFolder = "widgets/board/dist",
    Title = "Task board",
    Description = "A task board with To do, In progress and Done columns.",
    ModelDescription = "Shows the user's task board; the user can move, complete and delete cards in it. Do not list the cards again.",
    PrefersBorder = true)]
public sealed class BoardTools(BoardStore store)
{
    [McpServerTool(Name = "show_board", Title = "Show the task board", ReadOnly = true, Destructive = false, OpenWorld = false, Idempotent = true)]
    [Description("Shows the user's task board with its three columns.")]
    [WidgetTool(Invoking = "Opening the board…", Invoked = "Board ready")]
    public async Task<WidgetResult<BoardView>> ShowBoard(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var board = BoardView.From(await store.ListAsync(BoardOwner.From(user), cancellationToken));
        return new(board, Summary(board));
    }

    [McpServerTool(Name = "add_task", Title = "Add a task", ReadOnly = false, Destructive = false, OpenWorld = false)]
    [Description("Adds a task card to the board.")]
    [WidgetTool(Invoking = "Adding the task…", Invoked = "Task added")]
    public Task<WidgetResult<BoardChange>> AddTask(
        ClaimsPrincipal user,
        [Description("What the task is, up to 200 characters.")] string title,
        [Description("The column: todo, doing or done.")] string column = Columns.Todo,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(user, owner => store.AddAsync(owner, title, column, cancellationToken), task => $"Added '{task.Title}' to {Columns.Title(task.Column)}.", cancellationToken);

    [McpServerTool(Name = "move_task", Title = "Move a task", ReadOnly = false, Destructive = false, OpenWorld = false)]
    [Description("Moves a task card to another column.")]
    [WidgetTool(Invoking = "Moving the task…", Invoked = "Task moved")]
    public Task<WidgetResult<BoardChange>> MoveTask(
        ClaimsPrincipal user,
        [Description("The task id, such as t_3f2a9c1b7d4e.")] string id,
        [Description("The column to move it to: todo, doing or done.")] string column,
        [Description("The version the caller last saw; the move is refused if the task changed since.")] int? expectedVersion = null,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(user, owner => store.MoveAsync(owner, id, column, expectedVersion, cancellationToken), task => $"Moved '{task.Title}' to {Columns.Title(task.Column)}.", cancellationToken);

    [McpServerTool(Name = "complete_task", Title = "Complete a task", ReadOnly = false, Destructive = false, OpenWorld = false)]
    [Description("Marks a task as done.")]
    [WidgetTool(Invoking = "Completing the task…", Invoked = "Task done")]
    public Task<WidgetResult<BoardChange>> CompleteTask(
        ClaimsPrincipal user,
        [Description("The task id.")] string id,
        [Description("The version the caller last saw.")] int? expectedVersion = null,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(user, owner => store.CompleteAsync(owner, id, expectedVersion, cancellationToken), task => $"Completed '{task.Title}'.", cancellationToken);

    [McpServerTool(Name = "delete_task", Title = "Delete a task", ReadOnly = false, Destructive = true, OpenWorld = false)]
    [Description("Deletes a task card for good.")]
    [WidgetTool(Invoking = "Deleting the task…", Invoked = "Task deleted")]
    public Task<WidgetResult<BoardChange>> DeleteTask(
        ClaimsPrincipal user,
        [Description("The task id.")] string id,
        [Description("The version the caller last saw.")] int? expectedVersion = null,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(user, owner => store.DeleteAsync(owner, id, expectedVersion, cancellationToken), task => $"Deleted '{task.Title}'.", cancellationToken);

    private async Task<WidgetResult<BoardChange>> ChangeAsync(ClaimsPrincipal user, Func<BoardOwner, Task<BoardTask>> change, Func<BoardTask, string> describe, CancellationToken cancellationToken)
    {
        BoardTask task;
        BoardOwner owner;
        try
        {
            owner = BoardOwner.From(user);
            task = await change(owner);
        }
        catch (BoardException ex)
        {
            // McpException messages reach the caller as they are; the widget shows them.
            throw new McpException(ex.Message);
        }
        var board = BoardView.From(await store.ListAsync(owner, cancellationToken));
        return new(new BoardChange(task, board), describe(task) + " " + Summary(board));
    }

    private static string Summary(BoardView board) =>
        $"The board has {board.TaskCount} task{(board.TaskCount == 1 ? "" : "s")}: " +
        string.Join(", ", board.Columns.Select(c => $"{c.Tasks.Count} {c.Title.ToLowerInvariant()}")) + ".";
}
