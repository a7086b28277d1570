namespace Board;

/// <summary>The board's fixed columns, in display order.</summary>
public static class Columns
{
    public const string Todo = "todo";
    public const string Doing = "doing";
    public const string Done = "done";

    public static readonly IReadOnlyList<string> All = [Todo, Doing, Done];

    public static string Title(string column) => column switch
    {
        Todo => "To do",
        Doing => "In progress",
        _ => "Done",
    };
}

/// <summary>One task card.</summary>
/// <param name="Id">Stable id, such as <c>t_3f2a9c1b7d4e</c>.</param>
/// <param name="Title">What to do.</param>
/// <param name="Column">todo, doing or done.</param>
/// <param name="Completed">Whether it was completed.</param>
/// <param name="Version">Increases on every change; send it back to detect concurrent edits.</param>
/// <param name="CreatedAt">When it was added (UTC).</param>
/// <param name="UpdatedAt">When it last changed (UTC).</param>
public sealed record BoardTask(string Id, string Title, string Column, bool Completed, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>One column with its tasks.</summary>
/// <param name="Id">The column id.</param>
/// <param name="Title">The column's display title.</param>
/// <param name="Tasks">Its tasks, oldest first.</param>
public sealed record BoardColumn(string Id, string Title, IReadOnlyList<BoardTask> Tasks);

/// <summary>The whole board, as the widget shows it.</summary>
/// <param name="Columns">The columns in display order.</param>
/// <param name="TaskCount">How many tasks there are.</param>
public sealed record BoardView(IReadOnlyList<BoardColumn> Columns, int TaskCount)
{
    public static BoardView From(IReadOnlyList<BoardTask> tasks) => new(
        [.. Board.Columns.All.Select(c => new BoardColumn(c, Board.Columns.Title(c), [.. tasks.Where(t => t.Column == c)]))],
        tasks.Count);
}

/// <summary>The result of a change: the task as it now is, and the board after it.</summary>
/// <param name="Task">The changed task (for a delete, as it was).</param>
/// <param name="Board">The board after the change.</param>
public sealed record BoardChange(BoardTask Task, BoardView Board);
